// Datasets that never completed: a failed or killed import. An import touches its record with every batch, so
// $idleMs (no batch for that long) spares an import still running in another process.
MATCH (d:__NexoDataset)
WHERE d.status <> 'complete' AND coalesce(d.touchedAt, d.startedAt) <= datetime() - duration({milliseconds: $idleMs})
RETURN d.id AS id
