// The entities with the given API ids, in complete datasets only.
MATCH (n:Entity)
WHERE n.__nexo_id IN $ids AND n.__nexo_dataset IN $datasets
RETURN n.__nexo_id AS id, [label IN labels(n) WHERE label <> 'Entity'] AS labels, properties(n) AS properties
