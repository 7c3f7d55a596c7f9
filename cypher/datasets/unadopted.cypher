// Whether a store from before datasets holds entities or relationships without one (cheap: stops at the first).
RETURN EXISTS { MATCH (n:Entity) WHERE n.__nexo_dataset IS NULL } OR EXISTS { MATCH (:Entity)-[r]->(:Entity) WHERE r.__nexo_dataset IS NULL } AS found
