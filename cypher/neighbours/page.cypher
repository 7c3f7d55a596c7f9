// Template, slots filled by neighbours.service.ts. expand is the relationship pattern, e.g. -[r:`PAID`|`MET`]->: the
// direction, and types from the schema's allow-list, quoted; a typed, directed expansion reads only the node's
// relationships of those types. degrees is the per-type count list of nodes/details.cypher, answered from the degree
// store. A neighbour reached by several relationships counts once (DISTINCT m) and comes with all its matching edges.
//
// Pages follow the order Neo4j reads the node's relationships in, with no sort: the first page of a hub with 140,000
// links reads about a page of them, where ORDER BY name read and sorted all 140,000. The order is stable while the
// graph is unchanged. For the same reason the count stops after $countUpTo neighbours: when it reaches that, the
// service reports "more than" instead of an exact total.
// Relationships never cross datasets, so keeping n within $datasets keeps its neighbours there too.
MATCH (n:Entity {__nexo_id: $id})
WHERE n.__nexo_dataset IN $datasets
CALL (n) {
  MATCH (n){{expand}}(m)
  WHERE m <> n AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  WITH DISTINCT m
  LIMIT $countUpTo
  RETURN count(m) AS counted
}
CALL (n) {
  MATCH (n){{expand}}(m)
  WHERE m <> n AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  WITH DISTINCT m
  SKIP $skip
  LIMIT $limit
  RETURN collect(m) AS neighbours
}
CALL (n, neighbours) {
  UNWIND neighbours AS m
  MATCH (n){{expand}}(m)
  RETURN collect(r) AS edges
}
RETURN n, [{{degrees}}] AS degrees, counted, neighbours, edges
