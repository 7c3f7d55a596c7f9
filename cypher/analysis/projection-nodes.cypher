// The subgraph of the given entities for analysis (e.g. what is on the canvas), streamed like projection-graph.cypher:
// each known entity with the relationships it starts that end among the given ones.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
RETURN a.id AS id, [(a)-[r]->(b:Entity) WHERE b.id IN $ids | [b.id, CASE WHEN $weight IS NULL THEN null ELSE r[$weight] END]] AS out
