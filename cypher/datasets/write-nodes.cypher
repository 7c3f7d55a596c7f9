// $rows: [{ id, labels, properties, caption }] of one batch, in its own transaction. The user's properties are set as
// they are (a column id, name or dataset is data); Nexo's keys are the __nexo_ ones. The record's touch tells a
// later cleanup that this import is alive.
MATCH (d:__NexoDataset {id: $dataset})
SET d.touchedAt = datetime()
WITH d
UNWIND $rows AS row
CREATE (n:Entity)
SET n = row.properties
SET n.__nexo_id = row.id, n.__nexo_dataset = $dataset, n.__nexo_caption = row.caption
SET n:$(row.labels)
RETURN count(n) AS written
