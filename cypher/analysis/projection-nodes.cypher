// The subgraph of the given entities for analysis (e.g. what is on the canvas), in the rows of
// projection-graph.cypher: each given entity of the given datasets with the ones among $ids it points to.
UNWIND $ids AS id
MATCH (a:Entity {__nexo_id: id})
WHERE a.__nexo_dataset IN $datasets
WITH collect(a) AS entities
UNWIND range(0, size(entities) - 1, $rowSize) AS start
WITH entities[start..start + $rowSize] AS row
RETURN [a IN row | a.__nexo_id] AS ids, [a IN row | toFloat(id(a))] AS internals,
       [a IN row | [(a)-->(b) WHERE b.__nexo_id IN $ids | toFloat(id(b))]] AS ends
