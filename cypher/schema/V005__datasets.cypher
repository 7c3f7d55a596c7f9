// Datasets (see README.md, "Datasets and importing your own network"). Nexo's own keys start with "__nexo" so that a user's
// column called id, name, dataset, source … is stored as data: __nexo_id is the API id of an entity or
// relationship (unique across datasets), __nexo_dataset the id of the dataset it belongs to.
// A user's `id` may repeat across datasets, so the V001 constraint on it goes.
DROP CONSTRAINT entity_id IF EXISTS;
CREATE CONSTRAINT entity_nexo_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.__nexo_id IS UNIQUE;
CREATE INDEX entity_nexo_dataset IF NOT EXISTS FOR (n:Entity) ON (n.__nexo_dataset);
CREATE CONSTRAINT nexo_dataset_id IF NOT EXISTS FOR (d:__NexoDataset) REQUIRE d.id IS UNIQUE;
