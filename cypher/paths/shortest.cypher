// One shortest path. Cypher takes no parameters inside a pattern, so paths.service.ts fills three slots with checked
// values: types (allow-listed, quoted, e.g. :`LEADER_OF`|`FINANCED`, or nothing for every type), arrowHead (">" when
// directed, else nothing) and maxHops (an integer from 1 to 10).
MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
MATCH path = SHORTEST 1 (from)-[{{types}}]-{{arrowHead}}{1,{{maxHops}}}(to)
RETURN path
