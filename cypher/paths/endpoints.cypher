// Whether each end exists, so an unknown id is answered 404 naming it rather than "no path".
OPTIONAL MATCH (from:Entity {id: $from})
OPTIONAL MATCH (to:Entity {id: $to})
RETURN from IS NOT NULL AS fromFound, to IS NOT NULL AS toFound
