// The labels, relationship types and property keys the database knows: the allow-list for identifiers in queries.
// Labels starting with __ are bookkeeping (the migration records, the dataset records), not part of the graph.
CALL () { CALL db.labels() YIELD label WHERE NOT label STARTS WITH '__' RETURN collect(label) AS labels }
CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types }
CALL () { CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS propertyKeys }
RETURN labels, types, propertyKeys
