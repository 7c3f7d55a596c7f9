// The graph of the given datasets for analysis, streamed: one row per entity, with the internal ids of the entities
// it points to as floats (decoded by the driver straight into JS numbers, where Integers would be objects; internal ids
// are far below 2⁵³). A relationship never leaves its dataset, so filtering the start node is enough. id() is
// deprecated for keys kept across transactions; here it only matches the two ends within this one read.
MATCH (a:Entity)
WHERE a.__nexo_dataset IN $datasets
RETURN a.__nexo_id AS id, toFloat(id(a)) AS internal, [(a)-->(b:Entity) | toFloat(id(b))] AS out
