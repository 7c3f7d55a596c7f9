// The caption properties the user chose per label, as JSON (a map of lists cannot be a property value).
MATCH (d:__NexoDataset {id: $id, status: 'complete'})
SET d.captionOverrides = $overrides
RETURN d.id AS id
