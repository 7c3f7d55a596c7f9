// Written in the import's own transaction, so it exists exactly when the import's data does.
CREATE (:Import {
  id: $id,
  folder: $folder,
  files: $files,
  nodes: $nodes,
  relationships: $relationships,
  completedAt: datetime()
})
WITH 1 AS written
// The dataset's record in the same transaction: the dataset is complete (visible) exactly when its data exists.
MERGE (d:__NexoDataset {id: $dataset})
SET d.name = $name, d.format = 'neo4j-csv', d.source = $folder, d.status = 'complete', d.importedAt = datetime(),
    d.nodes = $nodes, d.relationships = $relationships
