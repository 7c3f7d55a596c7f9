// One round of Yen's k shortest simple paths (see paths.service.ts): for each spur, the shortest path from its node to
// $to that avoids the spur's banned nodes and relationships, given by element id (stable within the one read
// transaction the search runs in). The bans are inlined in the breadth-first search, so each round stays polynomial.
// Slots filled by paths.service.ts as in shortest.cypher; maxHops there is the longest any spur may be, and
// spur.maxHops this spur's own limit (the hops its root path has not used).
UNWIND $spurs AS spur
MATCH (start) WHERE elementId(start) = spur.node
MATCH (to:Entity {id: $to})
CALL (spur, start, to) {
  MATCH path = SHORTEST 1 (start)
    (()-[relationship{{types}} WHERE NOT elementId(relationship) IN spur.bannedRelationships]-{{arrowHead}}
     (step WHERE NOT elementId(step) IN spur.bannedNodes)){1,{{maxHops}}}
    (to)
  RETURN path
}
WITH spur, path
WHERE length(path) <= spur.maxHops
RETURN spur.index AS index, path
