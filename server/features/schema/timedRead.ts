import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../neo4j/database.js';

/**
 * Runs `work` in one read transaction (read routing) that Neo4j stops after `timeoutMs`; the stop surfaces as
 * TransactionTimedOut, which errors.ts answers with 504. Several queries in `work` see one consistent snapshot.
 */
export async function timedRead<T>(
  db: Pick<Database, 'driver' | 'name'>,
  timeoutMs: number,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, { timeout: timeoutMs });
  } finally {
    await session.close();
  }
}
