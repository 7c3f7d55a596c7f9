// The subgraph of the given entities for analysis (e.g. what is on the canvas), in the row shape of
// projection-graph.cypher: each given entity of the given datasets with the ones among $ids it points to.
UNWIND $ids AS id
MATCH (a:Entity {__nexo_id: id})
WHERE a.__nexo_dataset IN $datasets
RETURN a.__nexo_id AS id, toFloat(id(a)) AS internal, [(a)-->(b:Entity) WHERE b.__nexo_id IN $ids | toFloat(id(b))] AS out
