// $rows: [{ key, start, end, type, properties, dates, integers }]; key is the relationship's key within the import;
// dates and integers map property names to text that date() and toInteger() read.
// The count lets the caller see that every row found both of its ends.
UNWIND $rows AS row
MATCH (a:Entity {__nexo_id: $dataset + '::' + row.start})
MATCH (b:Entity {__nexo_id: $dataset + '::' + row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
FOREACH (key IN keys(row.dates) | SET r[key] = date(row.dates[key]))
FOREACH (key IN keys(row.integers) | SET r[key] = toInteger(row.integers[key]))
SET r.__nexo_id = $dataset + '::' + row.key, r.__nexo_dataset = $dataset
RETURN count(r) AS written
