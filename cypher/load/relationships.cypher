// $rows: [{ id, type, source, target, properties: {…} }]; MERGE on the relationship id keeps reloads idempotent.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.properties, r.id = row.id
