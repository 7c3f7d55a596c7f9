// The search index also reads searchNames: standard spellings a source does not use ("Huánuco" for "Huanauco",
// "OSINFOR"). A full-text index cannot gain a property in place, so this one replaces entity_search (V002).
// Applied on every start like the others: V002 then re-creates entity_search and this drops it again before its
// population (asynchronous) gets far; entity_names already exists, so it is not rebuilt.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases, n.searchNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
