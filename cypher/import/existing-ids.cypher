// Which of $ids are stable ids of nodes already in the dataset.
UNWIND $ids AS id
MATCH (n:Entity {__nexo_id: $dataset + '::' + id})
RETURN id
