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

/** Connects to NEO4J_URI, or starts the local server when it is unset. */
export async function openDatabase(config: Config, log: ProgressLog): Promise<Database> {
  const local = config.neo4j.uri ? undefined : await startLocalNeo4j(config.localNeo4j, log);
  const uri = config.neo4j.uri ?? local!.uri;
  // The embedded server runs without authentication, so only remote servers get credentials.
  const auth = local ? undefined : neo4j.auth.basic(config.neo4j.username, config.neo4j.password);
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

/** The driver's share of the time limits (see timeLimits.ts): fail within the query time limit when Neo4j is gone or busy. */
export function driverTimeLimits(queryTimeoutMs: number): DriverConfig {
  const limits = timeLimits(queryTimeoutMs);
  return {
    maxTransactionRetryTime: limits.transactionRetryMs,
    connectionAcquisitionTimeout: limits.connectionAcquisitionMs,
    connectionTimeout: limits.connectionMs,
  };
}
