// $rows: [{ key, start, end, type, properties }]; key is the relationship's key within the import.
// The count lets the caller see that every row found both of its ends.
UNWIND $rows AS row
MATCH (a:Entity {__nexo_id: $dataset + '::' + row.start})
MATCH (b:Entity {__nexo_id: $dataset + '::' + row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
SET r.__nexo_id = $dataset + '::' + row.key, r.__nexo_dataset = $dataset
RETURN count(r) AS written
