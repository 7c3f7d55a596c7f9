// Claims the dataset id before any row is written; a complete dataset of that id makes this return nothing.
MERGE (d:__NexoDataset {id: $id})
ON CREATE SET d.status = 'loading', d.startedAt = datetime()
WITH d
WHERE d.status = 'loading'
SET d.name = $name, d.format = $format, d.source = $source
RETURN d.id AS id
