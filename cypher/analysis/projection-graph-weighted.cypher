// As projection-graph.cypher, each relationship as [internal id of its end, its $weight property or null].
// Dynamic property access r[$weight] stays parameterised.
MATCH (a:Entity)
WHERE a.__nexo_dataset IN $datasets
WITH collect(a) AS entities
UNWIND range(0, size(entities) - 1, $rowSize) AS start
WITH entities[start..start + $rowSize] AS row
RETURN [a IN row | a.__nexo_id] AS ids, [a IN row | toFloat(id(a))] AS internals,
       [a IN row | [(a)-[r]->(b) | [toFloat(id(b)), r[$weight]]]] AS ends
