// $rows: [[startNodeId, endNodeId, type, keyPrefix, line, properties, dates, integers]] of one batch of a neo4j-admin
// CSV import into a new dataset, in its own transaction. The ends are the nodes this import created, found by the
// Neo4j ids that datasets/write-nodes.cypher returned: a NodeByIdSeek costs Neo4j about a third less CPU per
// relationship than the two __nexo_id index seeks (elementId(a) = … was slower than either).
// An id can only name another dataset's node if this import's node was deleted and its id reused. A deletion marks
// the record "deleting" before it deletes a node (datasets/mark-deleting.cypher), so a batch begun after that finds
// no "loading" record and writes nothing (the import then fails whole); Neo4j reuses no id freed while a transaction
// that was open at the time is still open, so a batch begun before finds the deleted node gone, never another one.
// Checking each end's dataset instead cost 19 % of the rate at 10^6 (21,200 against 25,200 relationships/s).
// Each row is a list and its __nexo_id is $keyPrefixes[keyPrefix] + line (the same text as scopedId(dataset,
// "<folder>/<file>:<line>")): fewer bytes to send and unpack than a map with the key spelt out. Numbers come from
// JavaScript as floats, hence toInteger. Dates and integers come as text, which date() and toInteger() read
// (cheaper for the importer to send than driver objects).
MATCH (:__NexoDataset {id: $dataset, status: 'loading'})
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0]
MATCH (b) WHERE id(b) = row[1]
CREATE (a)-[r:$(row[2])]->(b)
SET r = row[5]
FOREACH (key IN keys(row[6]) | SET r[key] = date(row[6][key]))
FOREACH (key IN keys(row[7]) | SET r[key] = toInteger(row[7][key]))
SET r.__nexo_id = $keyPrefixes[toInteger(row[3])] + toInteger(row[4]), r.__nexo_dataset = $dataset
RETURN count(r) AS written
