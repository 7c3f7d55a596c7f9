// One degree-store lookup per entity; the answer is cached by the service.
MATCH (n:Entity)
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.name, n.id
LIMIT $limit
RETURN n, degree
