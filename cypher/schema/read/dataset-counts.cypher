// Labels and relationship types within the chosen datasets, with counts, and the property keys of a sample of each
// label's nodes there. The count store knows no datasets, so the nodes are read through the __nexo_dataset index;
// a relationship belongs to its start node's dataset. The service (schema.service.ts) keeps the answer for a while.
CALL () {
  MATCH (n:Entity) WHERE n.__nexo_dataset IN $datasets
  UNWIND labels(n) AS label
  WITH label, count(*) AS count
  CALL (label) {
    MATCH (n:Entity) WHERE n.__nexo_dataset IN $datasets AND label IN labels(n)
    WITH n LIMIT $sample
    UNWIND keys(n) AS key
    RETURN collect(DISTINCT key) AS keys
  }
  RETURN collect({name: label, count: count, keys: keys}) AS labels
}
CALL () {
  MATCH (n:Entity)-[r]->() WHERE n.__nexo_dataset IN $datasets
  WITH type(r) AS type, count(*) AS count
  RETURN collect({name: type, count: count}) AS types
}
RETURN labels, types
