// How many nodes and relationships the database holds: both answered from Neo4j's count store, in constant time.
// With the in-process version, it tells a cached projection is stale after a load, import or delete (see projection.ts).
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
