// The last write of an import: from here on, reads see the dataset.
MATCH (d:__NexoDataset {id: $id})
SET d.status = 'complete', d.importedAt = datetime(), d.nodes = $nodes, d.relationships = $relationships
