// Every relationship whose two ends are among the given entities, each once, from its start node.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.__nexo_id IN $ids AND a.__nexo_dataset IN $datasets AND b.__nexo_id IN $ids AND b.__nexo_dataset IN $datasets
RETURN r.__nexo_id AS id, a.__nexo_id AS start, b.__nexo_id AS end, type(r) AS type, properties(r) AS properties
