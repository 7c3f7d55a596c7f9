// $rows: [{ start, end, type, properties }]; properties holds the relationship's stable id.
// The count lets the caller see that every row found both of its ends.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created
