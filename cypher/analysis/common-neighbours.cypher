// The entities of $datasets linked (either direction) to every one of the given entities, the given ones excepted.
UNWIND $ids AS id
MATCH (:Entity {__nexo_id: id})--(c:Entity)
WHERE c.__nexo_dataset IN $datasets AND NOT c.__nexo_id IN $ids
WITH c, count(DISTINCT id) AS shared
WHERE shared = size($ids)
RETURN c
ORDER BY c.name, c.__nexo_id
LIMIT $limit
