import neo4j, { type QueryResult, type RecordShape } from 'neo4j-driver';
import { inject } from 'vitest';
import type { Database } from '../../server/neo4j/database.js';

/** A driver on the test run's Neo4j (see globalSetup); close it in afterAll. */
export function openTestDatabase(): Database {
  const uri = inject('neo4jUri');
  const auth = process.env.NEXO_TEST_NEO4J_URI ? neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '') : undefined;
  const driver = neo4j.driver(uri, auth);
  return {
    driver,
    name: process.env.NEO4J_DATABASE ?? 'neo4j',
    uri,
    local: undefined,
    close: () => driver.close(),
  };
}

/** Deletes every node and relationship; schema (constraints, indexes) stays. */
export async function emptyDatabase(db: Pick<Database, 'driver' | 'name'>): Promise<void> {
  // CALL … IN TRANSACTIONS only runs in an auto-commit transaction, hence session.run.
  const session = db.driver.session({ database: db.name });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** Node count by label and relationship count by type, for before/after comparisons. */
export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const { records } = await db.driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    { database: db.name },
  );
  const record = records[0]!;
  return { nodes: record.get('nodes').toNumber(), relationships: record.get('relationships').toNumber() };
}

/** A test's own read, independent of the server's read helper, to check what the services answer. */
export function readQuery<T extends RecordShape = RecordShape>(
  db: Pick<Database, 'driver' | 'name'>,
  cypher: string,
  parameters: Record<string, unknown> = {},
): Promise<QueryResult<T>> {
  return db.driver.executeQuery<QueryResult<T>>(cypher, parameters, { database: db.name, routing: neo4j.routing.READ });
}
