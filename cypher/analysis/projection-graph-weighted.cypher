// As projection-graph.cypher, with each relationship's $weight property (null when missing) paired with its end.
// Dynamic property access r[$weight] stays parameterised.
MATCH (a:Entity)
WHERE a.__nexo_dataset IN $datasets
RETURN a.__nexo_id AS id, toFloat(id(a)) AS internal, [(a)-[r]->(b:Entity) | [toFloat(id(b)), r[$weight]]] AS out
