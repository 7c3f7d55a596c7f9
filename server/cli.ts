import { ConfigError, loadConfig, type Config } from './config.js';
import { LocalNeo4jError } from './neo4j/localServer.js';
import { openDatabase, type Database } from './neo4j/database.js';

/**
 * Runs a command-line task with a database (the local one `npm start` runs, if it does), and turns known failures into one readable line
 * and a non-zero exit code instead of a stack trace.
 */
export async function runWithDatabase(task: (db: Database, config: Config) => Promise<void>): Promise<void> {
  let db: Database | undefined;
  const stop = (): void => {
    void db?.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const config = loadConfig();
    db = await openDatabase(config, (message) => console.error(message), { useRunningLocal: true });
    await task(db, config);
  } catch (error) {
    process.exitCode = 1;
    console.error(describeFailure(error));
  } finally {
    await db?.close();
  }
}

/** One line for errors the user can act on; the full error otherwise. */
export function describeFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof LocalNeo4jError) return error.message;
  if (
    error instanceof Error &&
    (error.name === 'DatasetError' ||
      error.name === 'ImportError' ||
      error.name === 'FormatError' ||
      error.name === 'AppError' ||
      error.name === 'MigrationError')
  )
    return error.message;
  if (error instanceof Error && 'code' in error && error.code === 'ServiceUnavailable') {
    return `Neo4j is unreachable: ${error.message}`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
