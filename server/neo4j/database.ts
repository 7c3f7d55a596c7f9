import neo4j, { type Config as DriverConfig, type Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { timeLimits } from './timeLimits.js';
import { startLocalNeo4j, type LocalNeo4jServer, type ProgressLog } from './localServer.js';

/** The one driver of the process, the database it talks to, and the local server if we started one. */
export interface Database {
  driver: Driver;
  name: string;
  uri: string;
  local: LocalNeo4jServer | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * When NEO4J_URI is unset and a local Neo4j already answers on the Bolt port (the one `npm start` runs), use it
   * rather than start a second one on the same port and store. For the command-line tasks, not the server.
   */
  useRunningLocal?: boolean;
}

/** Connects to NEO4J_URI, or to the local server, started here unless one is running and `useRunningLocal`. */
export async function openDatabase(config: Config, log: ProgressLog, options: OpenOptions = {}): Promise<Database> {
  const running = !config.neo4j.uri && options.useRunningLocal ? await runningLocalNeo4j(config.localNeo4j.boltPort) : undefined;
  if (running) log(`Using the local Neo4j already running on ${running} (npm start's).`);
  const local = config.neo4j.uri || running ? undefined : await startLocalNeo4j(config.localNeo4j, log);
  const uri = config.neo4j.uri ?? running ?? local!.uri;
  // The embedded server runs without authentication, so only remote servers get credentials.
  const auth = config.neo4j.uri ? neo4j.auth.basic(config.neo4j.username, config.neo4j.password) : undefined;
  const driver = neo4j.driver(uri, auth, {
    ...driverTimeLimits(config.queryTimeoutMs),
    logging: { level: 'warn', logger: (level, message) => log(`neo4j-driver ${level}: ${message}`) },
  });
  return {
    driver,
    name: config.neo4j.database,
    uri,
    local,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}

/** The Bolt URI of a Neo4j answering without credentials on the loopback port, or undefined when none does. */
async function runningLocalNeo4j(port: number): Promise<string | undefined> {
  const uri = `bolt://127.0.0.1:${port}`;
  const probe = neo4j.driver(uri, undefined, { connectionTimeout: 2000, maxConnectionPoolSize: 1, logging: { level: 'error', logger: () => undefined } });
  try {
    await probe.getServerInfo();
    return uri;
  } catch {
    return undefined;
  } finally {
    await probe.close();
  }
}

/** The driver's share of the time limits (see timeLimits.ts): fail within the query time limit when Neo4j is gone or busy. */
export function driverTimeLimits(queryTimeoutMs: number): DriverConfig {
  const limits = timeLimits(queryTimeoutMs);
  return {
    maxTransactionRetryTime: limits.transactionRetryMs,
    connectionAcquisitionTimeout: limits.connectionAcquisitionMs,
    connectionTimeout: limits.connectionMs,
  };
}
