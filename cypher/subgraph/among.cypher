// The entities with the given ids and every relationship whose two ends are among them. Each relationship is
// found once, from its start node; Neo4j checks `IN $ids` against a set built once from the parameter.
MATCH (a:Entity)
WHERE a.__nexo_id IN $ids AND a.__nexo_dataset IN $datasets
CALL (a) {
  MATCH (a)-[r]->(b:Entity)
  WHERE b.__nexo_id IN $ids
  RETURN collect(r) AS outgoing
}
RETURN a, outgoing
