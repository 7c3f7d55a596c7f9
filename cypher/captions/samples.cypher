// Up to $perLabel nodes of each label of one dataset, for picking the property that names them (features/captions).
// Labels starting with __ are Nexo's bookkeeping; Entity is on every node and names no kind.
CALL db.labels() YIELD label
WITH label WHERE NOT label STARTS WITH '__' AND label <> 'Entity'
CALL (label) {
  MATCH (n:$(label) {__nexo_dataset: $dataset})
  WITH n LIMIT $perLabel
  RETURN collect(properties(n)) AS samples
}
WITH label, samples WHERE size(samples) > 0
RETURN label, samples
ORDER BY label
