// What each dataset holds after an adoption: the counts its record shows.
CALL () { MATCH (n:Entity {__nexo_dataset: $id}) RETURN count(n) AS nodes }
CALL () { MATCH (:Entity {__nexo_dataset: $id})-[r]->(:Entity) WHERE r.__nexo_dataset = $id RETURN count(r) AS relationships }
RETURN nodes, relationships
