// Every path of the minimum length, at most $limit of them (two hubs can be joined by millions).
// Slots filled by paths.service.ts as in shortest.cypher, and for the same reason a bidirectional search.
// Relationships never cross datasets, so ends within $datasets keep the whole path there.
MATCH (from:Entity {__nexo_id: $from}), (to:Entity {__nexo_id: $to})
WHERE from.__nexo_dataset IN $datasets AND to.__nexo_dataset IN $datasets
MATCH path = allShortestPaths((from)-[{{types}}*1..{{maxHops}}]-{{arrowHead}}(to))
{{exclusions}}
RETURN path
LIMIT $limit
