// COUNT { (n)--() } is answered from the node's degree store, not by reading its relationships.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, COUNT { (n)--() } AS degree
