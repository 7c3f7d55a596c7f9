// One shortest path. Cypher takes no parameters inside a pattern, so paths.service.ts fills three slots with checked
// values: types (allow-listed, quoted, e.g. :`LEADER_OF`|`FINANCED`, or nothing for every type), arrowHead (">" when
// directed, else nothing) and maxHops (an integer from 1 to 10).
// shortestPath() rather than SHORTEST 1: in Neo4j 5.26 the function is a bidirectional breadth-first search, while
// SHORTEST 1 expanded from one side; on a generated graph of 100,000 relationships a pair 3 hops apart beside a hub
// took 3.6 s with SHORTEST 1 and 10 ms with shortestPath() (bench/README.md).
// Relationships never cross datasets, so ends within $datasets keep the whole path there.
MATCH (from:Entity {__nexo_id: $from}), (to:Entity {__nexo_id: $to})
WHERE from.__nexo_dataset IN $datasets AND to.__nexo_dataset IN $datasets
MATCH path = shortestPath((from)-[{{types}}*1..{{maxHops}}]-{{arrowHead}}(to))
{{exclusions}}
RETURN path
