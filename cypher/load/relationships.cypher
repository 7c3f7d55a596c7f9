// $rows: [{ id, type, source, target, properties: {…} }]; MERGE on the relationship id keeps reloads idempotent.
UNWIND $rows AS row
MATCH (a:Entity {__nexo_id: row.source})
MATCH (b:Entity {__nexo_id: row.target})
MERGE (a)-[r:$(row.type) {__nexo_id: row.id}]->(b)
SET r = row.properties, r.id = row.id, r.__nexo_id = row.id, r.__nexo_dataset = $dataset
