// Labels starting with __ are bookkeeping (the migration records, the dataset records), not part of the graph.
CALL db.labels() YIELD label
WITH label WHERE NOT label STARTS WITH '__'
CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
RETURN label AS name, count
ORDER BY name
