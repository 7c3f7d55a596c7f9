import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { readDataset } from './features/load/dataset.js';
import { warmQueryPlans } from './features/health/warmUp.js';
import { applySchema, loadDataset } from './features/load/load.service.js';
import type { Database } from './neo4j/database.js';
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
  const { records } = await timedRead(db, config.queryTimeoutMs, (tx) => tx.run('MATCH (n:Entity) RETURN count(n) AS entities'), { autoCommit: true });
  const empty = toNumber(records[0]?.get('entities')) === 0;
  if (config.loadOnStart === 'always' || (config.loadOnStart === 'auto' && empty)) {
    readiness.set(false, 'starting: loading the Peru network');
    const dataset = readDataset(path.join(projectRoot, 'data', 'peru'));
    await loadDataset(db, dataset);
    logger.info(`Loaded "${dataset.manifest.title}": ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships`);
  }
  readiness.set(true, 'ready');
  const warmUp = await warmQueryPlans(db, config.queryTimeoutMs);
  const failed = warmUp.shapes.filter((shape) => !shape.ok);
  if (failed.length > 0) logger.warn(`Query warm-up: ${failed.map((shape) => `${shape.name}: ${shape.error}`).join('; ')}`);
  else logger.info(`Query plans warmed: ${warmUp.shapes.map((shape) => shape.name).join(', ')}`);
}
