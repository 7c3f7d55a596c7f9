// Whether each end exists, so an unknown id is answered 404 naming it rather than "no path".
OPTIONAL MATCH (from:Entity {__nexo_id: $from}) WHERE from.__nexo_dataset IN $datasets
OPTIONAL MATCH (to:Entity {__nexo_id: $to}) WHERE to.__nexo_dataset IN $datasets
RETURN from IS NOT NULL AS fromFound, to IS NOT NULL AS toFound
