// The subgraph of the given entities for analysis (e.g. what is on the canvas), streamed like projection-graph.cypher:
// each known entity of $datasets with the relationships it starts that end among the given ones.
UNWIND $ids AS id
MATCH (a:Entity {__nexo_id: id})
WHERE a.__nexo_dataset IN $datasets
RETURN a.__nexo_id AS id,
       [(a)-[r]->(b:Entity) WHERE b.__nexo_id IN $ids AND b.__nexo_dataset IN $datasets | [b.__nexo_id, CASE WHEN $weight IS NULL THEN null ELSE r[$weight] END]] AS out
