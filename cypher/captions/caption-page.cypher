// One page of a dataset's nodes in __nexo_id order, after $after: the unique index on __nexo_id walks them in order,
// so each page costs a page whatever the dataset's size.
MATCH (n:Entity)
USING INDEX n:Entity(__nexo_id)
WHERE n.__nexo_id > $after AND n.__nexo_dataset = $dataset
RETURN n
ORDER BY n.__nexo_id
LIMIT $batch
