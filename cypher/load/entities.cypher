// $rows: [{ id, labels: [kind…], properties: {…} }]; SET n = … makes a reload replace, not pile up.
// The curated id is both the API id (__nexo_id; curated ids are unique across Nexo) and, as in nodes.json, data.
UNWIND $rows AS row
MERGE (n:Entity {__nexo_id: row.id})
SET n = row.properties, n.id = row.id, n.__nexo_id = row.id, n.__nexo_dataset = $dataset
SET n:$(row.labels)
