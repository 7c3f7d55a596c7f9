// $rows: [{ id, labels: [kind…], properties: {…} }]; SET n = … makes a reload replace, not pile up.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.properties, n.id = row.id
SET n:$(row.labels)
