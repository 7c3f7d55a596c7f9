// The entities linked (either direction) to every one of the given entities, the given ones excepted.
UNWIND $ids AS id
MATCH (:Entity {id: id})--(c:Entity)
WHERE NOT c.id IN $ids
WITH c, count(DISTINCT id) AS shared
WHERE shared = size($ids)
RETURN c
ORDER BY c.name, c.id
LIMIT $limit
