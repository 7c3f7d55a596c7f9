// The datasets' graph for analysis, streamed: one row per entity with the entities it points to and each relationship's
// weight ($weight names a property; null reads no weight). Dynamic property access r[$weight] stays parameterised.
// $datasets holds only complete datasets (visibleDatasets), so an import still being written is never analysed.
MATCH (a:Entity)
WHERE a.__nexo_dataset IN $datasets
RETURN a.__nexo_id AS id,
       [(a)-[r]->(b:Entity) WHERE b.__nexo_dataset IN $datasets | [b.__nexo_id, CASE WHEN $weight IS NULL THEN null ELSE r[$weight] END]] AS out
