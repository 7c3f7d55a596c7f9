// The entities with the given ids, to show analysis results in the API's Node shape.
UNWIND $ids AS id
MATCH (n:Entity {__nexo_id: id})
RETURN n
