// One round of Yen's k shortest simple paths (see paths.service.ts): for each spur, the shortest path from its node to
// $to that avoids the spur's banned nodes and relationships, given by element id (stable within the one read
// transaction the search runs in). Predicates over all of a path's nodes and relationships are checked inside
// shortestPath()'s breadth-first search, so each round stays polynomial.
// Slots filled by paths.service.ts as in shortest.cypher; maxHops there is the longest any spur may be, and
// spur.maxHops this spur's own limit (the hops its root path has not used).
UNWIND $spurs AS spur
MATCH (start) WHERE elementId(start) = spur.node
MATCH (to:Entity {__nexo_id: $to})
CALL (spur, start, to) {
  MATCH path = shortestPath((start)-[{{types}}*1..{{maxHops}}]-{{arrowHead}}(to))
  WHERE all(relationship IN relationships(path) WHERE NOT elementId(relationship) IN spur.bannedRelationships)
    AND all(step IN nodes(path) WHERE NOT elementId(step) IN spur.bannedNodes)
    {{exclusions}}
  RETURN path
}
WITH spur, path
WHERE length(path) <= spur.maxHops
RETURN spur.index AS index, path
