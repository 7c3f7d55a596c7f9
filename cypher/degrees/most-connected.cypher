// One degree-store lookup per entity; the answer is cached by the service.
MATCH (n:Entity)
WHERE n.__nexo_dataset IN $datasets
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.name, n.__nexo_id
LIMIT $limit
RETURN n, degree
