// The migrations this database has applied, with the checksum of each file as it was then.
MATCH (m:__Neo4jMigration)
RETURN m.version AS version, m.file AS file, m.checksum AS checksum
ORDER BY version
