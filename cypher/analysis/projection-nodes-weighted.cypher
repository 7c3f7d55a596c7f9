// As projection-nodes.cypher, each relationship as [internal id of its end, its $weight property or null].
UNWIND $ids AS id
MATCH (a:Entity {__nexo_id: id})
WHERE a.__nexo_dataset IN $datasets
WITH collect(a) AS entities
UNWIND range(0, size(entities) - 1, 2000) AS start
RETURN [a IN entities[start..start + 2000] | [a.__nexo_id, toFloat(id(a)), [(a)-[r]->(b) WHERE b.__nexo_id IN $ids | [toFloat(id(b)), r[$weight]]]]] AS rows
