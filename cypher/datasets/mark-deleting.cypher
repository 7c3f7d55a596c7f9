// The first step of deleting a dataset, in a transaction of its own before any of its entities goes: reads (which
// see complete datasets only) stop seeing it at once, and an import still writing into it stops at its next batch,
// whose statement requires the record to say "loading" (see import/write-relationships-by-node-id.cypher).
MATCH (d:__NexoDataset {id: $id})
SET d.status = 'deleting'
