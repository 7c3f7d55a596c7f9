// One relationship for each tie of a connecting tree, either direction, preferring one that carries a quote; ties are
// [id, id] pairs. The tie's ends come back with it, since a relationship may have been stored from either end.
UNWIND $ties AS tie
MATCH (a:Entity {__nexo_id: tie[0]})-[r]-(b:Entity {__nexo_id: tie[1]})
WITH tie, a, b, r
ORDER BY (r.quotes IS NULL AND r.quote IS NULL), r.__nexo_id
WITH tie, a, b, collect(r)[0] AS r
RETURN tie, a, b, r
