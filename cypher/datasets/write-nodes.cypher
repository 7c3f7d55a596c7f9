// $rows: [{ id, labels, properties, caption, dates?, integers? }] of one batch, in its own transaction. A CSV import
// sends dates and integers as text in dates and integers (name -> text), which date() and toInteger() read. The
// user's properties are set as they are (a column id, name or dataset is data; a column named like one of Nexo's
// __nexo_ keys is left out by the caller). Each entity is created with its labels and keys at once: setting the
// uniquely constrained __nexo_id after the create doubled Neo4j's CPU per node. Without its dataset's record saying
// "loading" (deleted or being deleted meanwhile) a batch writes nothing. nodeIds are Neo4j's ids of the new nodes in
// the order of $rows, for a caller that links them without an index seek in the same import
// (import/write-relationships-by-node-id.cypher).
MATCH (:__NexoDataset {id: $dataset, status: 'loading'})
UNWIND $rows AS row
CREATE (n:Entity:$(row.labels) {__nexo_id: row.id, __nexo_dataset: $dataset, __nexo_caption: row.caption})
SET n += row.properties
FOREACH (key IN keys(row.dates) | SET n[key] = date(row.dates[key]))
FOREACH (key IN keys(row.integers) | SET n[key] = toInteger(row.integers[key]))
RETURN count(n) AS written, collect(id(n)) AS nodeIds
