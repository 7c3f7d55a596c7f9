// $rows: [{ id, start, end, type, properties, undirected }] of one batch, in its own transaction. An undirected tie
// is stored once, in the file's order of its ends, and marked so that paths and neighbours may walk it both ways.
MATCH (:__NexoDataset {id: $dataset, status: 'loading'})
UNWIND $rows AS row
MATCH (a:Entity {__nexo_id: row.start})
MATCH (b:Entity {__nexo_id: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
SET r.__nexo_id = row.id, r.__nexo_dataset = $dataset, r.__nexo_undirected = row.undirected
RETURN count(r) AS written
