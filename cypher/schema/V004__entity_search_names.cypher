// The search index also reads searchNames: standard spellings a source does not use ("Huánuco" for "Huanauco",
// "OSINFOR"). A full-text index cannot gain a property in place, so entity_names replaces entity_search (V002).
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases, n.searchNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
