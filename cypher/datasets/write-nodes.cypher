// $rows: [{ id, labels, properties, caption }] of one batch, in its own transaction. The user's properties are set as
// they are (a column id, name or dataset is data; a column named like one of Nexo's __nexo_ keys is left out by the
// caller). Each entity is created with its labels and keys at once: setting the uniquely constrained __nexo_id after
// the create doubled Neo4j's CPU per node. The record's touch tells a later cleanup that this import is alive.
// nodeIds are Neo4j's ids of the new nodes in the order of $rows, for a caller that links them without an index
// seek in the same import (import/write-relationships-by-node-id.cypher).
MATCH (d:__NexoDataset {id: $dataset})
SET d.touchedAt = datetime()
WITH d
UNWIND $rows AS row
CREATE (n:Entity:$(row.labels) {__nexo_id: row.id, __nexo_dataset: $dataset, __nexo_caption: row.caption})
SET n += row.properties
RETURN count(n) AS written, collect(id(n)) AS nodeIds
