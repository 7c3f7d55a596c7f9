import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { answerClientErrors } from '../../server/http/clientErrors.js';
import type { Database } from '../../server/neo4j/database.js';

export interface RunningApp {
  base: string;
  close: () => Promise<void>;
}

/**
 * Mounts the app in-process on a free loopback port, with the rate limit out of the way of many requests.
 * `overrides` sets what the environment may not, such as a query time limit under its 100 ms floor.
 */
export async function startApp(
  db: Pick<Database, 'driver' | 'name'>,
  environment: Record<string, string>,
  overrides: Partial<Config> = {},
): Promise<RunningApp> {
  const config = { ...loadConfig({ NEXO_RATE_LIMIT_PER_MINUTE: '1000000', ...environment }), ...overrides };
  const app = createApp({ db, config, logger: pino({ level: 'silent' }), readiness: { ready: true, reason: 'test' } });
  const server: Server = app.listen(0, '127.0.0.1');
  answerClientErrors(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  return {
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
