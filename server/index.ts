import type { Server } from 'node:http';
import { createApp } from './app.js';
import { bootstrapDatabase, superviseLocalNeo4j } from './bootstrap.js';
import { describeFailure } from './cli.js';
import { answerClientErrors } from './http/clientErrors.js';
import { loadConfig } from './config.js';
import { createLogger, startBanner } from './logger.js';
import { openDatabase, type Database } from './neo4j/database.js';
import { ReadinessState } from './neo4j/readiness.js';
import { removeLeftoverUploads } from './features/uploads/uploads.service.js';

// The only file that listens: config → database → app; everything closes on SIGINT/SIGTERM.
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  for (const line of startBanner(config)) logger.info(line);
  const db: Database = await openDatabase(config, (message) => logger.info(message));
  await removeLeftoverUploads(config.uploads.dir);
  const readiness = new ReadinessState();
  const app = createApp({ db, config, logger, readiness });
  const shutdown = new AbortController();

  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(`Nexo is listening on http://${config.host}:${port}/ (Ctrl+C stops it)`);
  });
  answerClientErrors(server);
  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.fatal(error.code === 'EADDRINUSE' ? `Port ${config.port} is already in use: set PORT to a free port.` : describeFailure(error));
    void db.close().finally(() => process.exit(1));
  });

  if (db.local) superviseLocalNeo4j(db.local, db, config, readiness, logger, shutdown.signal);
  bootstrapDatabase(db, config, readiness, logger, shutdown.signal).catch((error: unknown) => {
    readiness.set(false, `start-up failed: ${describeFailure(error)}`);
    logger.error(`Start-up failed: ${describeFailure(error)}`);
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing in-flight requests, then stopping`);
    shutdown.abort();
    // The grace period bounds the draining of HTTP requests; stopping Neo4j has its own bound.
    const force = setTimeout(() => {
      logger.warn(`requests still running after ${SHUTDOWN_GRACE_MS / 1000} s: closing them`);
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      db.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`stopping Neo4j failed: ${describeFailure(error)}`);
          process.exit(1);
        },
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exit(1);
});
