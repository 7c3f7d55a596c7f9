// One source document; its text is kept so quotes can be shown in context.
MERGE (s:Source {id: $source.id})
SET s = $source
