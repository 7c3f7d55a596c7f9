// One batch of a dataset's entities with their relationships; the caller repeats until nothing is left, so no
// single transaction has to hold a large dataset.
MATCH (n:Entity {__nexo_dataset: $id})
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
