// Template: type is one relationship type from the schema's allow-list, quoted by nodes.service.ts. With a static
// type Neo4j answers each count from the node's degree store (getDegree) instead of reading a hub's relationships.
// One small statement per type, so no plan grows with the number of types (see degreePass.cypher).
MATCH (n:Entity {__nexo_id: $id})
RETURN COUNT { (n)<-[:{{type}}]-() } AS incoming, COUNT { (n)-[:{{type}}]->() } AS outgoing
