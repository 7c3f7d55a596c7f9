// Lists sorted by name (neighbour pages, start suggestions) read this index in order.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
