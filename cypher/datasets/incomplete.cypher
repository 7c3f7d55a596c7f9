// Datasets that never completed: a failed or killed import. A running import touches its record on a timer
// (touch.cypher), so $idleMs (untouched for that long) spares an import still running in another process.
MATCH (d:__NexoDataset)
WHERE d.status <> 'complete' AND coalesce(d.touchedAt, d.startedAt) <= datetime() - duration({milliseconds: $idleMs})
RETURN d.id AS id
