// Whether two entities are in the same connected component: a path of any length, over every type, either way.
// shortestPath() is a bidirectional breadth-first search, so for a disconnected pair it stops once the smaller
// component is exhausted; the query time limit bounds the rest.
MATCH (from:Entity {__nexo_id: $from}), (to:Entity {__nexo_id: $to})
OPTIONAL MATCH path = shortestPath((from)-[*]-(to))
RETURN path IS NOT NULL AS connected
