// Every path of the minimum length, at most $limit of them (two hubs can be joined by millions).
// Slots filled by paths.service.ts as in shortest.cypher.
MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
MATCH path = ALL SHORTEST (from)-[{{types}}]-{{arrowHead}}{1,{{maxHops}}}(to)
RETURN path
LIMIT $limit
