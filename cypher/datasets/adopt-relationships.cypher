// Relationships a Nexo from before datasets wrote join their start node's dataset; curated ones keep their id
// (the curated load merges on it), the others are scoped like their ends.
MATCH (a:Entity)-[r]->(:Entity)
WHERE r.__nexo_dataset IS NULL AND a.__nexo_dataset IS NOT NULL
CALL (a, r) {
  WITH a, r, a.__nexo_dataset = $curated AND r.id IS NOT NULL AS curated
  SET r.__nexo_dataset = a.__nexo_dataset,
      r.__nexo_id = CASE WHEN curated THEN toString(r.id) ELSE $earlier + '::' + coalesce(toString(r.id), elementId(r)) END
} IN TRANSACTIONS OF 10000 ROWS
