import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './neo4j/database.js';
import type { Readiness } from './neo4j/readiness.js';

/** What every feature may use: the one database handle, the configuration, the logger, readiness. */
export interface AppContext {
  db: Pick<Database, 'driver' | 'name'>;
  config: Config;
  logger: Logger;
  readiness: Readiness;
}
