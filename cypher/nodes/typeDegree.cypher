// Template: pairs is `[COUNT { (n)<-[:T]-() }, COUNT { (n)-[:T]->() }]` for a few relationship types from the schema's
// allow-list, quoted by nodes.service.ts. With a static type Neo4j answers each count from the node's degree store
// (getDegree) instead of reading a hub's relationships. A few types per statement, so no plan grows with the number
// of types the schema has (see degreePass.cypher), and each statement has its own time limit.
MATCH (n:Entity {__nexo_id: $id})
RETURN [{{pairs}}] AS pairs
