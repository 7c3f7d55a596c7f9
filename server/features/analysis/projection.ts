import neo4j from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { toNumber } from '../../neo4j/values.js';
import type { EdgeList } from './engine/csr.js';
import type { EngineProjection } from './engine/engine.js';
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
  indexOf: Map<string, number>;
}

type Target = Pick<Database, 'driver' | 'name'>;

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
    const key = JSON.stringify([await this.graphVersion(), scope, options.weight ?? null]);
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
   * The in-process version (raised by load and import in this process) with the database's node and relationship
   * counts, read in constant time, which catch a load or import run by another process.
   */
  private async graphVersion(): Promise<string> {
    const { records } = await this.db.driver.executeQuery(
      cypherFile('analysis/graph-version.cypher'),
      {},
      { database: this.db.name, routing: neo4j.routing.READ },
    );
    const record = records[0]!;
    return `${localGraphVersion()}:${toNumber(record.get('nodes'))}:${toNumber(record.get('relationships'))}`;
  }
}

/**
 * The projection of a scope in one streaming read: rows are consumed as they arrive, and relationships land in typed
 * arrays on SharedArrayBuffers that the worker reads without a copy. Nothing is written to the graph.
 */
export async function readProjection(db: Target, scope: Scope, options: ProjectionOptions, key: string, timeoutMs: number): Promise<Projection> {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (id: string): number => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      indexOf.set(id, i);
    }
    return i;
  };
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const query = scope.kind === 'graph' ? cypherFile('analysis/projection-graph.cypher') : cypherFile('analysis/projection-nodes.cypher');
  const parameters = { weight: options.weight ?? null, datasets: scope.datasets, ...(scope.kind === 'nodes' ? { ids: scope.ids } : {}) };
  const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead(
      async (tx) => {
        for await (const record of tx.run(query, parameters)) {
          const from = index(record.get('id') as string);
          for (const [to, weight] of record.get('out') as [string, unknown][]) {
            sources.push(from);
            targets.push(index(to));
            if (options.weight !== undefined) weights.push(tieWeight(weight, options.weight));
          }
        }
      },
      { timeout: timeoutMs },
    );
  } finally {
    await session.close();
  }
  const edges: EdgeList = {
    n: ids.length,
    sources: shared(Int32Array, sources),
    targets: shared(Int32Array, targets),
    weights: options.weight === undefined ? null : shared(Float64Array, weights),
  };
  return { key, ids, indexOf, edges };
}

/** A tie's weight: a number ≥ 0 as stored; a relationship without a numeric value counts 1, as in NetworkX. */
function tieWeight(value: unknown, property: string): number {
  if (value === null || value === undefined || !(typeof value === 'number' || neo4j.isInt(value))) return 1;
  const weight = toNumber(value);
  if (!Number.isFinite(weight) || weight < 0) {
    throw new AppError(400, 'Invalid weight', `Weights are lengths and must be numbers ≥ 0; a relationship has ${property} = ${weight}.`, 'invalid-parameter', {
      parameter: 'weight',
    });
  }
  return weight;
}

function shared<T extends Int32Array | Float64Array>(kind: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, values: number[]): T {
  const array = new kind(new SharedArrayBuffer(values.length * kind.BYTES_PER_ELEMENT));
  array.set(values);
  return array;
}
