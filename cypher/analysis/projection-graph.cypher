// The graph of the given datasets for analysis, streamed in rows of up to $rowSize entities, each row as three
// parallel lists: the entities' ids, their internal ids, and for each the internal ids of the entities it points to.
// Internal ids come as floats, which the driver decodes straight into JS numbers (Integers would be objects; internal
// ids are far below 2⁵³). Rows are kept to a few kB (projection.ts says why); a row per entity would cost a record
// each. A relationship never leaves its dataset, so filtering the start node is enough. id() only matches the two
// ends within this one read.
MATCH (a:Entity)
WHERE a.__nexo_dataset IN $datasets
WITH collect(a) AS entities
UNWIND range(0, size(entities) - 1, $rowSize) AS start
WITH entities[start..start + $rowSize] AS row
RETURN [a IN row | a.__nexo_id] AS ids, [a IN row | toFloat(id(a))] AS internals, [a IN row | [(a)-->(b) | toFloat(id(b))]] AS ends
