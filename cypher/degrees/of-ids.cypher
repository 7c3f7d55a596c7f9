// COUNT { (n)--() } is answered from the node's degree store, not by reading its relationships.
UNWIND $ids AS id
MATCH (n:Entity {__nexo_id: id})
WHERE n.__nexo_dataset IN $datasets
RETURN n.__nexo_id AS id, COUNT { (n)--() } AS degree
