MATCH (d:__NexoDataset)
WHERE d.id IN $ids
RETURN d.id AS id, d.status AS status
