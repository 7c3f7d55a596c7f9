// Every path of the minimum length, at most $limit of them (two hubs can be joined by millions).
// Slots filled by paths.service.ts as in shortest.cypher, and for the same reason a bidirectional search.
MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
MATCH path = allShortestPaths((from)-[{{types}}*1..{{maxHops}}]-{{arrowHead}}(to))
{{exclusions}}
RETURN path
LIMIT $limit
