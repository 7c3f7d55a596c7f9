// As projection-nodes.cypher, with each relationship's $weight property (null when missing) paired with its end.
UNWIND $ids AS id
MATCH (a:Entity {__nexo_id: id})
WHERE a.__nexo_dataset IN $datasets
RETURN a.__nexo_id AS id, toFloat(id(a)) AS internal, [(a)-[r]->(b:Entity) WHERE b.__nexo_id IN $ids | [toFloat(id(b)), r[$weight]]] AS out
