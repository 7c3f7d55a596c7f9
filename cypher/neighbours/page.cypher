// Template, slots filled by neighbours.service.ts. expand is the relationship pattern, e.g. -[r:`PAID`|`MET`]->: the
// direction, and types from the schema's allow-list, quoted; a typed, directed expansion reads only the node's
// relationships of those types. degreePass is the fragment nodes/degreePass.cypher.
//
// Pages are relationships, in the order Neo4j reads the node's relationships, with no sort: the first page of a hub
// with 140,000 links reads a page of them. Paging by distinct neighbour instead meant collecting, afterwards, every
// relationship between the hub and each of the page's neighbours, an Expand(Into) that reads the relationships of
// the smaller end: 15,599 of them for a page of 50 at 10^6, where this reads 50. A neighbour linked several ways
// comes once per page its links fall in. The order is stable while the graph is unchanged. The count stops after
// $countUpTo relationships: when it reaches that, the service reports "more than" instead of an exact total.
// Relationships never cross datasets, so keeping n within $datasets keeps its neighbours there too.
MATCH (n:Entity {__nexo_id: $id})
WHERE n.__nexo_dataset IN $datasets
CALL (n) {
  MATCH (n){{expand}}(m)
  WHERE m <> n AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  WITH r
  LIMIT $countUpTo
  RETURN count(r) AS counted
}
CALL (n) {
  MATCH (n){{expand}}(m)
  WHERE m <> n AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  WITH r, m
  SKIP $skip
  LIMIT $limit
  RETURN collect(r) AS edges, collect(DISTINCT m) AS neighbours
}
{{degreePass}}
RETURN n, incoming, outgoing, counted, neighbours, edges
