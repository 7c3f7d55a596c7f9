// standard-folding folds accents and case, so "guzman" finds Guzmán and "Bazán" finds Bazan.
// eventually_consistent=false: a search right after a load sees the loaded names.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
