// Records one applied migration; MERGE, so a concurrent start that applied it too leaves one record.
MERGE (m:__Neo4jMigration {version: $version})
ON CREATE SET m.description = $description, m.file = $file, m.checksum = $checksum, m.appliedAt = datetime()
