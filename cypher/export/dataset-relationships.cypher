// Every relationship of one dataset, each once, from its start node.
MATCH (a:Entity {__nexo_dataset: $dataset})-[r]->(b:Entity)
WHERE r.__nexo_dataset = $dataset
RETURN r.__nexo_id AS id, a.__nexo_id AS start, b.__nexo_id AS end, type(r) AS type, properties(r) AS properties
