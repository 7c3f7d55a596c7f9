// One record per migration version, as neo4j-migrations keeps them; two processes starting at once cannot both record one.
CREATE CONSTRAINT nexo_migration_version IF NOT EXISTS FOR (m:__Neo4jMigration) REQUIRE m.version IS UNIQUE
