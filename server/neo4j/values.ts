import neo4j from 'neo4j-driver';

/** A Neo4j Integer (or a plain number) as a JavaScript number. */
export function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : Number(value);
}
