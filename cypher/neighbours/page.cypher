// Template. The expand slot is the relationship pattern, e.g. -[r:`PAID`|`MET`]->, written in by
// neighbours.service.ts: the direction, and types from the schema's allow-list, quoted. A typed, directed
// expansion reads only the hub's relationships of those types, never all of them. A neighbour reached by several
// relationships counts once (DISTINCT m) in total and in paging, and comes with all its matching edges.
// Order: name then id, so pages are disjoint and stable.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n){{expand}}(m)
  WHERE m <> n AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  RETURN count(DISTINCT m) AS total
}
CALL (n) {
  MATCH (n){{expand}}(m)
  WHERE m <> n AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  WITH DISTINCT m
  ORDER BY m.name, m.id
  SKIP $skip
  LIMIT $limit
  RETURN collect(m) AS neighbours
}
CALL (n, neighbours) {
  UNWIND neighbours AS m
  MATCH (n){{expand}}(m)
  RETURN collect(r) AS edges
}
RETURN n, total, neighbours, edges
