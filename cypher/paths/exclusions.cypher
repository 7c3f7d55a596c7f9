// The avoid options of a path search, a condition paths.service.ts writes into the query's {{exclusions}} slot only
// when one is given (so a search without them runs exactly as before). Values are parameters: $ends (from and to,
// never excluded), $excludeIds, $excludeLabels, $excludeTypes. Written as all(… nodes(path) …) and
// all(… relationships(path) …), which shortestPath() checks inside its breadth-first search.
all(step IN nodes(path) WHERE step.__nexo_id IN $ends OR (NOT step.__nexo_id IN $excludeIds AND none(label IN labels(step) WHERE label IN $excludeLabels)))
AND all(relationship IN relationships(path) WHERE NOT type(relationship) IN $excludeTypes)
