// The subgraph of the given entities for analysis (e.g. what is on the canvas), in the rows of
// projection-graph.cypher: each given entity of the given datasets with the ones among $ids it points to.
UNWIND $ids AS id
MATCH (a:Entity {__nexo_id: id})
WHERE a.__nexo_dataset IN $datasets
WITH collect(a) AS entities
UNWIND range(0, size(entities) - 1, 2000) AS start
RETURN [a IN entities[start..start + 2000] | [a.__nexo_id, toFloat(id(a)), [(a)-->(b) WHERE b.__nexo_id IN $ids | toFloat(id(b))]]] AS rows
