import neo4j from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { toNumber } from '../../neo4j/values.js';
import type { EdgeList } from './engine/csr.js';
import type { EngineProjection } from './engine/engine.js';
import { listDatasets } from '../datasets/datasets.service.js';
import { localGraphVersion } from './graphVersion.js';

/**
 * What an analysis runs over: the whole graph of some datasets, or the given entities of them (e.g. the canvas). Each
 * kind has its own projection query. `datasets` are complete datasets only (resolved by visibleDatasets).
 */
export type Scope = { kind: 'graph'; datasets: string[] } | { kind: 'nodes'; ids: string[]; datasets: string[] };

export interface ProjectionOptions {
  /** A relationship property read as each tie's weight; undefined for an unweighted projection. */
  weight: string | undefined;
}

/** A projection read from Neo4j: node i of the engine is the entity ids[i]. */
export interface Projection extends EngineProjection {
  ids: string[];
  /** The node number of an entity id, undefined when the projection does not hold it. */
  indexOf(id: string): number | undefined;
}

type Target = Pick<Database, 'driver' | 'name'>;

/**
 * The time limit of a projection read, when longer than the API's query limit: it reads every relationship once
 * (several seconds at 10⁶ on a busy machine) and is then cached, where every other read is short.
 */
export const PROJECTION_TIMEOUT_MS = 120_000;

/** Projections kept; the key holds the graph version, so a changed graph never hits a stale one. */
const CACHED_PROJECTIONS = 4;

/** Reads projections once per graph version and scope, and keeps the latest few. */
export class ProjectionCache {
  private readonly cached = new Map<string, Promise<Projection>>();

  constructor(
    private readonly db: Target,
    private readonly timeoutMs: number,
  ) {}

  async projection(scope: Scope, options: ProjectionOptions): Promise<Projection> {
    const key = JSON.stringify([await this.graphVersion(scope.datasets), scope, options.weight ?? null]);
    let projection = this.cached.get(key);
    if (projection) this.cached.delete(key);
    else {
      projection = readProjection(this.db, scope, options, key, this.timeoutMs);
      projection.catch(() => this.cached.delete(key));
    }
    this.cached.set(key, projection);
    while (this.cached.size > CACHED_PROJECTIONS) this.cached.delete(this.cached.keys().next().value!);
    return projection;
  }

  /**
   * What the cache key holds of the graph: each dataset analysed with its import time (a dataset deleted and
   * imported again under the same id differs), the in-process version (raised by load and import in this process)
   * and the database's node and relationship counts, read in constant time, which catch a change made by another
   * process, e.g. while a dataset is being deleted.
   */
  private async graphVersion(datasets: string[]): Promise<unknown[]> {
    const [complete, counts] = await Promise.all([
      listDatasets(this.db, this.timeoutMs),
      this.db.driver.executeQuery(cypherFile('analysis/graph-version.cypher'), {}, { database: this.db.name, routing: neo4j.routing.READ }),
    ]);
    const importedAt = new Map(complete.datasets.map((dataset) => [dataset.id, dataset.importedAt]));
    const record = counts.records[0]!;
    return [
      localGraphVersion(),
      toNumber(record.get('nodes')),
      toNumber(record.get('relationships')),
      datasets.map((id) => `${id}@${importedAt.get(id) ?? 'none'}`),
    ];
  }
}

/**
 * Entities per streamed row. The driver decodes a row that arrives in one piece with native reads, but one spread
 * over several Bolt chunks or network reads through a slow path that allocates a buffer per float. At 10⁶
 * relationships, rows of 2,000 entities (~120 kB) cost ~1.1 s of the API's CPU to read, rows of 100 (~7 kB, mostly
 * arriving whole) ~0.6 s; the few thousand records cost little, and Neo4j's part (~0.9 s) barely changes.
 */
const ROW_SIZE = 100;

/**
 * The projection of a scope in one streaming read: rows are consumed as they arrive, and relationships land in typed
 * arrays on SharedArrayBuffers that the worker reads without a copy. Nothing is written to the graph.
 */
export async function readProjection(db: Target, scope: Scope, options: ProjectionOptions, key: string, timeoutMs: number): Promise<Projection> {
  const weighted = options.weight !== undefined;
  const ids: string[] = [];
  const internals: number[] = [];
  // Each relationship as the index of its start and the internal id of its end, until every end is known.
  const sources: number[] = [];
  const ends: number[] = [];
  const weights: number[] = [];
  let numericWeights = 0;
  const file = `analysis/projection-${scope.kind === 'graph' ? 'graph' : 'nodes'}${weighted ? '-weighted' : ''}.cypher`;
  const parameters = {
    weight: options.weight ?? null,
    datasets: scope.datasets,
    rowSize: neo4j.int(ROW_SIZE),
    ...(scope.kind === 'nodes' ? { ids: scope.ids } : {}),
  };
  const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead(
      async (tx) => {
        for await (const record of tx.run(cypherFile(file), parameters)) {
          const rowIds = record.get('ids') as string[];
          const rowInternals = record.get('internals') as number[];
          const rowEnds = record.get('ends') as (number[] | [number, unknown][])[];
          for (let k = 0; k < rowIds.length; k++) {
            const from = ids.length;
            ids.push(rowIds[k]!);
            internals.push(rowInternals[k]!);
            const out = rowEnds[k]!;
            for (let j = 0; j < out.length; j++) {
              sources.push(from);
              if (weighted) {
                const [to, weight] = out[j] as [number, unknown];
                ends.push(to);
                if (isNumber(weight)) numericWeights++;
                weights.push(tieWeight(weight, options.weight!));
              } else ends.push(out[j] as number);
            }
          }
        }
      },
      { timeout: Math.max(timeoutMs, PROJECTION_TIMEOUT_MS) },
    );
  } finally {
    await session.close();
  }
  if (weighted && ends.length > 0 && numericWeights === 0) await refuseAbsentWeight(db, options.weight!);
  // Internal ids are dense enough for a lookup table; an end outside the scope (none, as the queries filter) is dropped.
  let maxInternal = -1;
  for (const internal of internals) if (internal > maxInternal) maxInternal = internal;
  const indexOfInternal = new Int32Array(maxInternal + 1).fill(-1);
  for (let i = 0; i < internals.length; i++) indexOfInternal[internals[i]!] = i;
  const endIndex = (internal: number): number => (internal < indexOfInternal.length ? indexOfInternal[internal]! : -1);
  let kept = 0;
  for (const end of ends) if (endIndex(end) >= 0) kept++;
  const edges: EdgeList = {
    n: ids.length,
    sources: sharedArray(Int32Array, kept),
    targets: sharedArray(Int32Array, kept),
    weights: weighted ? sharedArray(Float64Array, kept) : null,
  };
  let e = 0;
  for (let k = 0; k < ends.length; k++) {
    const to = endIndex(ends[k]!);
    if (to < 0) continue;
    edges.sources[e] = sources[k]!;
    edges.targets[e] = to;
    if (edges.weights) edges.weights[e] = weights[k]!;
    e++;
  }
  let indexOf: Map<string, number> | undefined;
  // Built on first use: most analyses only name their top few nodes, and the map costs tens of ms at 10⁶.
  return { key, ids, edges, indexOf: (id) => (indexOf ??= new Map(ids.map((entity, i) => [entity, i]))).get(id) };
}

const isNumber = (value: unknown): boolean => typeof value === 'number' || neo4j.isInt(value);

/**
 * A weight that no relationship read holds as a number is a misspelt name far more often than a wish for every tie
 * to count 1 (Gephi writes `Weight`, a user types `weight`): refused, with the property keys that differ only in case.
 */
async function refuseAbsentWeight(db: Target, property: string): Promise<never> {
  const { records } = await db.driver.executeQuery(cypherFile('analysis/property-keys.cypher'), {}, { database: db.name, routing: neo4j.routing.READ });
  const near = (records[0]!.get('keys') as string[]).filter((key) => key !== property && key.toLowerCase() === property.toLowerCase());
  throw new AppError(
    400,
    'Unknown weight',
    `No relationship analysed has a number in "${property}"${near.length > 0 ? `; did you mean ${near.map((key) => `"${key}"`).join(' or ')}?` : ''}. ` +
      'Leave the weight empty for every tie to count 1.',
    'invalid-parameter',
    { parameter: 'weight' },
  );
}

/** A tie's weight: a number ≥ 0 as stored; a relationship without a numeric value counts 1, as in NetworkX. */
function tieWeight(value: unknown, property: string): number {
  if (value === null || value === undefined || !isNumber(value)) return 1;
  const weight = toNumber(value);
  if (!Number.isFinite(weight) || weight < 0) {
    throw new AppError(400, 'Invalid weight', `Weights are lengths and must be numbers ≥ 0; a relationship has ${property} = ${weight}.`, 'invalid-parameter', {
      parameter: 'weight',
    });
  }
  return weight;
}

/** A typed array on a SharedArrayBuffer, which the worker reads without a copy. */
function sharedArray<T extends Int32Array | Float64Array>(kind: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new kind(new SharedArrayBuffer(length * kind.BYTES_PER_ELEMENT));
}
