import { visibleDatasets } from '../datasets/datasets.service.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { getMostConnected } from '../degrees/degrees.service.js';
import { directions, getNeighbours } from '../neighbours/neighbours.service.js';
import { getNodeDetails } from '../nodes/nodes.service.js';
import { getSchema } from '../schema/schema.service.js';
import { DEFAULT_MAX_HOPS, findPaths } from '../paths/paths.service.js';
import { searchEntities } from '../search/search.service.js';

/** An id no entity has: the warm-up's lookups plan their queries and find nothing. */
const NO_SUCH_ENTITY = 'nexo:warm-up';
/** The start page's list (StartPanel asks for 10). */
const START_LIST = 10;

export interface WarmUpReport {
  /** Each query shape the UI asks first, and whether it ran (an expected "not found" counts as ran). */
  shapes: { name: string; ok: boolean; error?: string }[];
}

/**
 * Runs once the data is ready, so the first clicks do not pay for Neo4j planning the large schema-dependent
 * queries. On a fresh start with the Peru network, the first neighbours page took 4.3 s without it and 0.23 s
 * after it, node details 0.81 → 0.04 s, search 0.26 → 0.04 s, a path 0.43 → 0.06 s. The queries are the
 * services' own, so their plans are exactly the ones reused.
 */
export async function warmQueryPlans(db: Pick<Database, 'driver' | 'name'>, timeoutMs: number): Promise<WarmUpReport> {
  let known: string[] = [];
  // Unreachable Neo4j: each shape below then reports its own failure, as before.
  const datasets = await visibleDatasets(db, [], timeoutMs).catch((): string[] => []);
  const report: WarmUpReport = {
    shapes: [
      {
        name: 'most connected',
        ...(await attempt(async () => {
          known = (await getMostConnected(db, START_LIST, datasets, timeoutMs)).map((entry) => entry.node.id);
        })),
      },
    ],
  };
  const shapes: [string, () => Promise<unknown>][] = [
    ['node details', () => getNodeDetails(db, NO_SUCH_ENTITY, datasets, timeoutMs)],
    ...directions.map((direction): [string, () => Promise<unknown>] => [
      `neighbours (${direction})`,
      () => getNeighbours(db, NO_SUCH_ENTITY, { types: [], direction, labels: [], limit: 25, skip: 0, datasets }, timeoutMs),
    ]),
    ['search', () => searchEntities(db, { q: 'warm up', limit: 10, labels: [], datasets }, timeoutMs)],
    // The legend's first request: its summary query is planned per set of labels, slowly on a cold database.
    ['schema', () => getSchema(db, timeoutMs)],
  ];
  if (known.length >= 2) {
    const request = { from: known[0]!, to: known[1]!, maxHops: DEFAULT_MAX_HOPS, types: [], directed: false, k: 3, datasets };
    shapes.push(['shortest path', () => findPaths(db, { ...request, mode: 'shortest' }, timeoutMs)]);
  }
  // One at a time: the server is already answering users, and two cores are shared with Neo4j.
  for (const [name, run] of shapes) report.shapes.push({ name, ...(await attempt(run)) });
  return report;
}

/** Runs one shape; an expected "not found" counts as ran, anything else is reported, never thrown. */
async function attempt(run: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return { ok: true };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
