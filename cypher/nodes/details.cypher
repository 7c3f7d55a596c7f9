// Template: degreePass is the fragment nodes/degreePass.cypher (fixed text), so Neo4j plans this once for every
// node and every schema.
MATCH (n:Entity {__nexo_id: $id})
WHERE n.__nexo_dataset IN $datasets
{{degreePass}}
RETURN n, incoming, outgoing
