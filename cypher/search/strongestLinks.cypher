// $ids: entities without a description; for each, its strongest link to tell namesakes apart in search suggestions:
// outgoing first (it reads as "leader of Shining Path"), then to the best-connected entity, then by name. Incoming
// links are read only for an entity with no outgoing one, since any outgoing link wins over them.
// At most $linksPerHit links of each direction are weighed, in the order Neo4j reads them: a hit with 5,000 members
// costs a bounded read instead of 5,000 names and degrees; below that the answer is the strongest of all its links.
UNWIND $ids AS id
MATCH (n:Entity {__nexo_id: id})
OPTIONAL CALL (n) {
  MATCH (n)-[r]->(m:Entity)
  WHERE m <> n
  WITH r, m
  LIMIT $linksPerHit
  RETURN type(r) AS outType, m.name AS outOther
  ORDER BY COUNT { (m)--() } DESC, outOther
  LIMIT 1
}
OPTIONAL CALL (n, outType) {
  WITH n
  WHERE outType IS NULL
  MATCH (n)<-[r]-(m:Entity)
  WHERE m <> n
  WITH r, m
  LIMIT $linksPerHit
  RETURN type(r) AS inType, m.name AS inOther
  ORDER BY COUNT { (m)--() } DESC, inOther
  LIMIT 1
}
WITH id, outType, outOther, inType, inOther
WHERE outType IS NOT NULL OR inType IS NOT NULL
RETURN id, coalesce(outType, inType) AS type, outType IS NOT NULL AS outgoing, CASE WHEN outType IS NOT NULL THEN outOther ELSE inOther END AS other
