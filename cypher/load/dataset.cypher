// The curated dataset's record, written in the load's own transaction: it is complete exactly when its data is.
MERGE (d:__NexoDataset {id: $id})
SET d.name = $name, d.format = 'nexo-json', d.source = $source, d.status = 'complete', d.importedAt = datetime(),
    d.nodes = $nodes, d.relationships = $relationships
