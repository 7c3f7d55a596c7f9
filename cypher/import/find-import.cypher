// An earlier import of exactly these files, if any.
MATCH (i:Import {id: $id})
RETURN toString(i.completedAt) AS completedAt
