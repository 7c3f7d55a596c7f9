// $query: a Lucene query built by search.service.ts from escaped, folded terms (never the raw input).
// Hits arrive best first, so the label filter and LIMIT stop reading the index early.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE node.__nexo_dataset IN $datasets
  AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
RETURN node, score
LIMIT $candidates
