import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { readDataset, type Dataset } from './features/load/dataset.js';
import { warmQueryPlans } from './features/health/warmUp.js';
import { IMPORT_IDLE_MS, removeIncompleteDatasets } from './features/datasets/datasets.service.js';
import { applySchema, loadDataset, PERU_DATASET } from './features/load/load.service.js';
import { adoptEarlierData, EARLIER_IMPORTS } from './features/datasets/adoptEarlierData.js';
import type { Database } from './neo4j/database.js';
import type { LocalNeo4jEvent, LocalNeo4jServer } from './neo4j/localServer.js';
import { probeDatabase, type ReadinessState } from './neo4j/readiness.js';
import { timedRead } from './neo4j/timedRead.js';
import { toNumber } from './neo4j/values.js';
import { projectRoot } from './projectRoot.js';

const MAX_BACKOFF_MS = 10_000;

/**
 * Waits for Neo4j (retrying with backoff, so the server can start before the database),
 * applies the schema and loads the Peru network when the database is empty, marks ready, then warms the query
 * plans the first clicks need.
 */
export async function bootstrapDatabase(
  db: Pick<Database, 'driver' | 'name'>,
  config: Config,
  readiness: ReadinessState,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  for (let attempt = 1, delay = 1000; !signal.aborted; attempt++, delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
    const probe = await probeDatabase(db);
    if (probe.ready) break;
    readiness.set(false, probe.reason);
    logger.warn(`${probe.reason} (attempt ${attempt}); retrying in ${delay / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  if (signal.aborted) return;

  readiness.set(false, 'starting: applying the schema');
  await applySchema(db);
  const removed = await removeIncompleteDatasets(db, IMPORT_IDLE_MS);
  if (removed.length > 0) logger.warn(`Removed the leftovers of unfinished imports: ${removed.join(', ')}`);
  // The Peru files are read only when a start needs them: to adopt an old store or to load the network.
  let read: Dataset | undefined;
  const peru = (): Dataset => (read ??= readDataset(path.join(projectRoot, 'data', 'peru')));
  readiness.set(false, 'starting: checking for a graph from before datasets');
  const adoption = await adoptEarlierData(db, { id: PERU_DATASET, ids: () => peru().nodes.map((node) => node.id) });
  if (adoption) {
    logger.warn(
      `Gave datasets to the graph of an earlier Nexo: ${adoption.curated.nodes} entities to "${PERU_DATASET}", ` +
        `${adoption.earlier.nodes} entities and ${adoption.earlier.relationships} relationships to "${EARLIER_IMPORTS.id}"`,
    );
    // The curated load merges on the adopted ids: it refreshes them and writes the dataset's record.
    if (adoption.curated.nodes > 0) await loadDataset(db, peru());
  }
  const { records } = await timedRead(db, config.queryTimeoutMs, (tx) => tx.run('MATCH (n:Entity) RETURN count(n) AS entities'), { autoCommit: true });
  const empty = toNumber(records[0]?.get('entities')) === 0;
  if (config.loadOnStart === 'always' || (config.loadOnStart === 'auto' && empty)) {
    readiness.set(false, 'starting: loading the Peru network');
    const dataset = peru();
    await loadDataset(db, dataset);
    logger.info(`Loaded "${dataset.manifest.title}": ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships`);
  }
  readiness.set(true, 'ready');
  const warming = warmQueryPlans(db, warmUpTimeoutMs(config.queryTimeoutMs));
  readiness.warming = warming;
  const warmUp = await warming.finally(() => {
    if (readiness.warming === warming) readiness.warming = undefined;
  });
  const failed = warmUp.shapes.filter((shape) => !shape.ok);
  if (failed.length > 0) logger.warn(`Query warm-up: ${failed.map((shape) => `${shape.name}: ${shape.error}`).join('; ')}`);
  else logger.info(`Query plans warmed: ${warmUp.shapes.map((shape) => shape.name).join(', ')}`);
}

/**
 * The warm-up's time limit: planning the schema-dependent queries once (node details and neighbours count 2 × 45
 * types for Peru) took 5-7 s on the shared 2-core machine at load 20-30, so under QUERY_TIMEOUT_MS the plan was
 * never cached, and every user's first requests planned it again, all at once, each slower for the others, and
 * answered 504 together (the soak's bursts of eight). Planned once without that limit (data requests wait for it,
 * app.ts), requests find the plan cached; they keep their own limit.
 */
export function warmUpTimeoutMs(queryTimeoutMs: number): number {
  return Math.max(queryTimeoutMs, WARM_UP_TIMEOUT_MS);
}

const WARM_UP_TIMEOUT_MS = 60_000;

/** How a local server's exit reads in the log and on /readyz. */
function describeExit(event: Extract<LocalNeo4jEvent, { kind: 'exited' }>): string {
  return event.signal ? `was killed (${event.signal})` : `exited with code ${event.code}`;
}

/**
 * Keeps the app in step with the local Neo4j it started: when the JVM exits unasked, logs it at once and
 * marks the app not ready with the reason (so /readyz and the data routes explain); the server restarts
 * itself on the same store, and once it answers, the bootstrap runs again (schema and data are kept in
 * the store, so that is a check) and the app is ready again, without restarting `npm start`.
 */
export function superviseLocalNeo4j(
  local: Pick<LocalNeo4jServer, 'onEvent'>,
  db: Pick<Database, 'driver' | 'name'>,
  config: Config,
  readiness: ReadinessState,
  logger: Logger,
  signal: AbortSignal,
): void {
  let lost = '';
  local.onEvent((event) => {
    if (signal.aborted) return;
    switch (event.kind) {
      case 'exited':
        lost = `the local Neo4j server ${describeExit(event)} at ${new Date().toISOString()}`;
        readiness.set(false, `${lost}; restarting it`);
        logger.error(`Local Neo4j ${describeExit(event)}: restarting it on the same store`);
        return;
      case 'restarting':
        readiness.set(false, `${lost}; restarting it (attempt ${event.attempt})`);
        if (event.attempt > 1) logger.warn(`Restarting local Neo4j (attempt ${event.attempt})`);
        return;
      case 'restart-failed':
        readiness.set(false, `${lost}; restart attempt ${event.attempt} failed, next in ${event.retryInMs / 1000} s: ${event.reason}`);
        logger.error(`Local Neo4j restart attempt ${event.attempt} failed (next in ${event.retryInMs / 1000} s): ${event.reason}`);
        return;
      case 'restarted':
        logger.info(`Local Neo4j restarted in ${event.seconds.toFixed(1)} s`);
        readiness.set(false, `${lost}; restarted, checking the database`);
        // "always" means at the start of Nexo; after a restart the store still holds what was loaded.
        bootstrapDatabase(db, { ...config, loadOnStart: config.loadOnStart === 'always' ? 'auto' : config.loadOnStart }, readiness, logger, signal).then(
          () => logger.info('Ready again after the local Neo4j restart'),
          (error: unknown) => {
            readiness.set(false, `after the local Neo4j restart, start-up failed: ${error instanceof Error ? error.message : String(error)}`);
            logger.error(`After the local Neo4j restart, start-up failed: ${error instanceof Error ? error.message : String(error)}`);
          },
        );
        return;
    }
  });
}
