// The record of the dataset of earlier imports, complete with its counts (adoption may run again and add to it).
MERGE (d:__NexoDataset {id: $id})
ON CREATE SET d.startedAt = datetime()
SET d.name = $name, d.format = $format, d.source = $source, d.status = 'complete', d.importedAt = datetime(),
    d.nodes = $nodes, d.relationships = $relationships
