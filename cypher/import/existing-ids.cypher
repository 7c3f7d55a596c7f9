// Which of $ids are stable ids of nodes already in the database.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id
