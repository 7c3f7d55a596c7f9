// Every property key the database knows (from its token store, in constant time): for the suggestion made when an
// analysis names a weight that no relationship it reads holds.
CALL db.propertyKeys() YIELD propertyKey
RETURN collect(propertyKey) AS keys
