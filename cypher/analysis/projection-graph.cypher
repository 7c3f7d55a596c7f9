// The whole graph for analysis, streamed: one row per entity with the entities it points to and each relationship's
// weight ($weight names a property; null reads no weight). Dynamic property access r[$weight] stays parameterised.
MATCH (a:Entity)
RETURN a.__nexo_id AS id, [(a)-[r]->(b:Entity) | [b.__nexo_id, CASE WHEN $weight IS NULL THEN null ELSE r[$weight] END]] AS out
