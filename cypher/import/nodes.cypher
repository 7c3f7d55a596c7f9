// $rows: [{ id, labels, properties, dates, integers }]; dates and integers map property names to text that date()
// and toInteger() read. MERGE on the dataset-scoped key: an import that re-uses an id updates that node, adding
// labels and setting the properties it has (+=), and leaves other properties be.
UNWIND $rows AS row
MERGE (n:Entity {__nexo_id: $dataset + '::' + row.id})
ON CREATE SET n.__nexo_dataset = $dataset
SET n += row.properties
FOREACH (key IN keys(row.dates) | SET n[key] = date(row.dates[key]))
FOREACH (key IN keys(row.integers) | SET n[key] = toInteger(row.integers[key]))
SET n:$(row.labels)
RETURN count(n) AS written
