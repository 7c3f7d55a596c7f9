// $rows: [{ id, caption }]: the caption a node is shown by, when it is not already its name, for the full-text index
// (V006); null removes it.
UNWIND $rows AS row
MATCH (n:Entity {__nexo_id: row.id})
SET n.__nexo_search_caption = row.caption
RETURN count(n) AS written
