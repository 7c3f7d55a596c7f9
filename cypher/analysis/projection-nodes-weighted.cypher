// As projection-nodes.cypher, each relationship as [internal id of its end, its $weight property or null].
UNWIND $ids AS id
MATCH (a:Entity {__nexo_id: id})
WHERE a.__nexo_dataset IN $datasets
WITH collect(a) AS entities
UNWIND range(0, size(entities) - 1, $rowSize) AS start
WITH entities[start..start + $rowSize] AS row
RETURN [a IN row | a.__nexo_id] AS ids, [a IN row | toFloat(id(a))] AS internals,
       [a IN row | [(a)-[r]->(b) WHERE b.__nexo_id IN $ids | [toFloat(id(b)), r[$weight]]]] AS ends
