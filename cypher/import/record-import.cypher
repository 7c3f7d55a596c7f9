// Written in the import's own transaction, so it exists exactly when the import's data does.
CREATE (:Import {
  id: $id,
  folder: $folder,
  files: $files,
  nodes: $nodes,
  relationships: $relationships,
  completedAt: datetime()
})
