MATCH (d:__NexoDataset {id: $id})
DELETE d
