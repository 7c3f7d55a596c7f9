// $rows: [[startNodeId, endNodeId, type, keyPrefix, line, properties, dates, integers]] of one batch of a neo4j-admin
// CSV import into a new dataset, in its own transaction. The ends are the nodes this import created, found by the
// Neo4j ids that datasets/write-nodes.cypher returned: a NodeByIdSeek costs Neo4j about a third less CPU per
// relationship than the two __nexo_id index seeks (elementId(a) = … was slower than either). The dataset check keeps
// a tie off a node of another dataset should a deleted node's id be reused meanwhile. Each row is a list and its
// __nexo_id is $keyPrefixes[keyPrefix] + line (the same text as scopedId(dataset, "<folder>/<file>:<line>")): fewer
// bytes to send and unpack than a map with the key spelt out. Numbers come from JavaScript as floats, hence
// toInteger. Dates and integers come as text, which date() and toInteger() read (cheaper for the importer to send
// than driver objects).
MATCH (:__NexoDataset {id: $dataset})
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0] AND a.__nexo_dataset = $dataset
MATCH (b) WHERE id(b) = row[1] AND b.__nexo_dataset = $dataset
CREATE (a)-[r:$(row[2])]->(b)
SET r = row[5]
FOREACH (key IN keys(row[6]) | SET r[key] = date(row[6][key]))
FOREACH (key IN keys(row[7]) | SET r[key] = toInteger(row[7][key]))
SET r.__nexo_id = $keyPrefixes[toInteger(row[3])] + toInteger(row[4]), r.__nexo_dataset = $dataset
RETURN count(r) AS written
