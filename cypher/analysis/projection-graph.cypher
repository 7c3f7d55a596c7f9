// The graph of the given datasets for analysis, streamed in rows of up to 2,000 entities: each entity as
// [id, internal id, [internal ids of the entities it points to]]. Internal ids come as floats, which the driver
// decodes straight into JS numbers (Integers would be objects; internal ids are far below 2⁵³); a row per entity
// would cost a record each, the larger part of the read at 10⁶ relationships. A relationship never leaves its
// dataset, so filtering the start node is enough. id() only matches the two ends within this one read.
MATCH (a:Entity)
WHERE a.__nexo_dataset IN $datasets
WITH collect(a) AS entities
UNWIND range(0, size(entities) - 1, 2000) AS start
RETURN [a IN entities[start..start + 2000] | [a.__nexo_id, toFloat(id(a)), [(a)-->(b) | toFloat(id(b))]]] AS rows
