// $ids: entities without a description; for each, its strongest link to tell namesakes apart in search suggestions:
// outgoing first (it reads as "leader of Shining Path"), then to the best-connected entity, then by name.
UNWIND $ids AS id
MATCH (n:Entity {__nexo_id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE m <> n
  RETURN type(r) AS type, startNode(r) = n AS outgoing, m.name AS other
  ORDER BY outgoing DESC, COUNT { (m)--() } DESC, other
  LIMIT 1
}
RETURN id, type, outgoing, other
