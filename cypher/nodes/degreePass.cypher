// Fragment for the degreePass slot of nodes/details.cypher and neighbours/page.cypher, over the node n: its
// relationships counted by type and direction in one pass, as [type, count] pairs. The plan does not depend on how
// many relationship types the schema has: one COUNT { } pair per type (90 subqueries for Peru) made Neo4j plan for
// 5-60 s on a loaded machine. A pass reads every relationship, so it runs only for a node with at most $passUpTo
// of them (its degree comes from the degree store); past that, incoming and outgoing are null and the service asks
// per type (nodes/typeDegree.cypher), which Neo4j answers from the degree store.
OPTIONAL CALL (n) {
  WITH n
  WHERE COUNT { (n)--() } <= $passUpTo
  RETURN
    COLLECT { MATCH (n)<-[r]-() WITH type(r) AS type, count(r) AS count RETURN [type, count] } AS incoming,
    COLLECT { MATCH (n)-[r]->() WITH type(r) AS type, count(r) AS count RETURN [type, count] } AS outgoing
}
