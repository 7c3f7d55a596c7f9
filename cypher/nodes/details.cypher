// Template. The degrees slot holds one [in, out] pair of COUNT { } per relationship type the schema knows,
// written in by nodes.service.ts (quoted, from the allow-list): with a static type Neo4j answers each pair from
// the node's degree store (getDegree) instead of reading every relationship of a hub. The query text depends
// only on the schema's types, so Neo4j plans it once and reuses the plan for every node.
MATCH (n:Entity {__nexo_id: $id})
WHERE n.__nexo_dataset IN $datasets
RETURN n, [{{degrees}}] AS degrees
