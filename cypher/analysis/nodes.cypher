// The entities of $datasets with the given ids, to show analysis results in the API's Node shape.
UNWIND $ids AS id
MATCH (n:Entity {__nexo_id: id})
WHERE n.__nexo_dataset IN $datasets
RETURN n
