// $rows: [{ id, labels, properties }]. MERGE on the stable id: an import that re-uses an id updates
// that node, adding labels and setting the properties it has (+=), and leaves other properties be.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n += row.properties
SET n:$(row.labels)
