// $ids: entities without a description; for each, its strongest link to tell namesakes apart in search suggestions:
// outgoing first (it reads as "leader of Shining Path"), then to the best-connected entity, then by name.
// At most $linksPerHit links of each direction are weighed, in the order Neo4j reads them: a hit with 5,000 members
// costs a bounded read instead of 5,000 names and degrees; below that the answer is the strongest of all its links.
UNWIND $ids AS id
MATCH (n:Entity {__nexo_id: id})
CALL (n) {
  CALL (n) {
    MATCH (n)-[r]->(m:Entity)
    WHERE m <> n
    RETURN r, m
    LIMIT $linksPerHit
    UNION ALL
    MATCH (n)<-[r]-(m:Entity)
    WHERE m <> n
    RETURN r, m
    LIMIT $linksPerHit
  }
  RETURN type(r) AS type, startNode(r) = n AS outgoing, m.name AS other
  ORDER BY outgoing DESC, COUNT { (m)--() } DESC, other
  LIMIT 1
}
RETURN id, type, outgoing, other
