// Complete datasets only: one still loading (or left behind by a killed import) is invisible.
MATCH (d:__NexoDataset {status: 'complete'})
RETURN d.id AS id, d.name AS name, d.nodes AS nodes, d.relationships AS relationships, d.format AS format,
       toString(d.importedAt) AS importedAt, d.source AS source, d.captionOverrides AS captionOverrides
ORDER BY d.name, d.id
