// Every entity of one dataset: its API id, the user's labels (Entity is Nexo's) and all properties (the caller drops
// Nexo's __nexo_ keys).
MATCH (n:Entity {__nexo_dataset: $dataset})
RETURN n.__nexo_id AS id, [label IN labels(n) WHERE label <> 'Entity'] AS labels, properties(n) AS properties
