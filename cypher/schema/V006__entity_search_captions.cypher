// Search also finds a node by the caption it is shown by when that is not its name: a property picked per dataset
// (a code, a registration) or chosen in the UI. features/captions/searchCaptions.ts keeps __nexo_search_caption
// current; a full-text index cannot gain a property in place, so entity_names is made again with it.
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases, n.searchNames, n.__nexo_search_caption]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
