// One source document with the quotes of every entity and relationship taken from it.
// Relationships carry their source as a property without an index, so they are found by a scan: fine for
// datasets of this size, and bounded by the query time limit on very large graphs.
MATCH (s:Source {id: $id})
CALL (s) {
  MATCH (n:Entity)
  WHERE n.source = s.id AND n.quotes IS NOT NULL
  RETURN collect({ id: n.__nexo_id, quotes: n.quotes }) AS nodes
}
CALL (s) {
  MATCH ()-[r]->()
  WHERE r.source = s.id AND r.quotes IS NOT NULL
  RETURN collect({ id: r.__nexo_id, quotes: r.quotes }) AS edges
}
RETURN s { .id, .title, .text, .licence, .attribution, .url } AS source, nodes, edges
