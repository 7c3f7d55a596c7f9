// Entities a Nexo from before datasets wrote (no __nexo_dataset): they keep their id as their API id and join the
// curated dataset when the curated files have that id; any other, or one whose id is taken meanwhile (a curated load
// after the upgrade), joins the dataset of earlier imports under that dataset's scoped id. Nothing is dropped.
MATCH (n:Entity)
WHERE n.__nexo_dataset IS NULL
CALL (n) {
  WITH n, toString(coalesce(n.id, elementId(n))) AS key
  WITH n, key, key IN $curatedIds AND NOT EXISTS { MATCH (:Entity {__nexo_id: key}) } AS curated
  SET n.__nexo_dataset = CASE WHEN curated THEN $curated ELSE $earlier END,
      n.__nexo_id = CASE WHEN curated THEN key ELSE $earlier + '::' + key END
} IN TRANSACTIONS OF 10000 ROWS
