import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { timedRead } from '../../neo4j/timedRead.js';
import { toNumber } from '../../neo4j/values.js';
import { localGraphVersion, markGraphChanged } from '../analysis/graphVersion.js';
import { captionOverridesSchema, parseCaptionOverrides, useCaptionsOf } from '../captions/captions.service.js';

type Db = Pick<Database, 'driver' | 'name'>;

/** A dataset id: short, lower-case, URL- and shell-safe, so it can be typed on the command line and in a query string. */
export const datasetIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, "-" and "_", at most 64, starting with a letter or digit');

export const datasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  nodes: z.number().int(),
  relationships: z.number().int(),
  format: z.string(),
  importedAt: z.string(),
  source: z.string(),
  captionOverrides: captionOverridesSchema.describe('Per label, the properties chosen in the UI to name its nodes (PUT /api/datasets/{id}/captions)'),
});

export type DatasetSummary = z.infer<typeof datasetSchema>;

/** The API id of a node or relationship of a dataset: the dataset's id and the key from the file, never colliding across datasets. */
export function scopedId(dataset: string, key: string): string {
  return `${dataset}::${key}`;
}

/** Every complete dataset with its counts; a dataset being written is not listed. */
export async function listDatasets(db: Db, timeoutMs: number): Promise<{ datasets: DatasetSummary[] }> {
  const { records } = await timedRead(db, timeoutMs, (tx) => tx.run(cypherFile('datasets/list.cypher')), { autoCommit: true });
  return {
    datasets: records.map((record) => ({
      id: record.get('id') as string,
      name: (record.get('name') as string | null) ?? (record.get('id') as string),
      nodes: toNumber(record.get('nodes')),
      relationships: toNumber(record.get('relationships')),
      format: (record.get('format') as string | null) ?? 'unknown',
      importedAt: (record.get('importedAt') as string | null) ?? '',
      source: (record.get('source') as string | null) ?? '',
      captionOverrides: parseCaptionOverrides(record.get('captionOverrides')),
    })),
  };
}

/**
 * The datasets a read may see: the requested ones (each must exist and be complete, else 404) or, when none is
 * requested, every complete dataset. Reads filter on this list, which is how an unfinished import stays invisible.
 * The nodes they answer with are named by their datasets' current captions.
 */
export async function visibleDatasets(db: Db, requested: string[], timeoutMs: number): Promise<string[]> {
  const complete = await completeDatasetIds(db, timeoutMs);
  if (requested.length === 0) return complete;
  const unknown = requested.filter((id) => !complete.includes(id));
  if (unknown.length > 0) {
    throw new AppError(404, 'Unknown dataset', `No dataset has the id "${unknown[0]}".`, 'unknown-dataset', { dataset: unknown[0] });
  }
  return requested;
}

/**
 * How long the list of complete datasets is answered from memory. Every read asks for it, and reading it was a second
 * round trip to Neo4j on each request (node details: two statements where the raw read needs one). Loads, imports and
 * deletions in this process start a new list at once (markGraphChanged), as does a saved caption choice
 * (forgetCompleteDatasets); one made by the import command beside a
 * running server shows within this long. The list holds complete datasets only, so a dataset being written is never
 * in it; only a dataset deleted and imported again under the same id within this second could show its first batches.
 */
const COMPLETE_IDS_MAX_AGE_MS = 1000;

interface CompleteIds {
  at: number;
  version: number;
  ids: Promise<string[]>;
}

// Keyed by driver then database name, so tests with their own driver never see another database's list.
const completeIdsCache = new WeakMap<Db['driver'], Map<string, CompleteIds>>();

/** Reads the list (and the captions it names nodes by) again on the next request: a dataset's caption choice changed. */
export function forgetCompleteDatasets(db: Db): void {
  completeIdsCache.get(db.driver)?.delete(db.name);
}

function completeDatasetIds(db: Db, timeoutMs: number): Promise<string[]> {
  let perDriver = completeIdsCache.get(db.driver);
  if (!perDriver) {
    perDriver = new Map();
    completeIdsCache.set(db.driver, perDriver);
  }
  const cached = perDriver.get(db.name);
  if (cached && cached.version === localGraphVersion() && Date.now() - cached.at < COMPLETE_IDS_MAX_AGE_MS) return cached.ids;
  // Concurrent requests share one read; a failed read is not kept.
  const fresh = {
    at: Date.now(),
    version: localGraphVersion(),
    ids: listDatasets(db, timeoutMs).then(async ({ datasets }) => {
      await useCaptionsOf(db, datasets, timeoutMs);
      return datasets.map((dataset) => dataset.id);
    }),
  };
  perDriver.set(db.name, fresh);
  fresh.ids.catch(() => {
    if (perDriver.get(db.name) === fresh) perDriver.delete(db.name);
  });
  return fresh.ids;
}

const DELETE_BATCH = 10_000;

/** An unfinished import whose record has not been touched for this long is taken for dead and removed. */
export const IMPORT_IDLE_MS = 120_000;

/**
 * Touches the record of the dataset an import is filling every `everyMs` (a quarter of IMPORT_IDLE_MS by default)
 * until the returned function is called, so that no cleanup takes the import for dead however long a batch takes.
 */
export function keepImportAlive(db: Db, id: string, everyMs = IMPORT_IDLE_MS / 4): () => void {
  const timer = setInterval(() => {
    // A missed touch is retried at the next tick; the import itself reports what went wrong with the database.
    db.driver.executeQuery(cypherFile('datasets/touch.cypher'), { id }, { database: db.name }).catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Marks a dataset's record "deleting" (hidden from reads, closed to import batches), then removes its entities and
 * relationships in batches, then its record. Returns whether it existed. A deletion cut short leaves a record that is
 * not complete, which the next cleanup (removeIncompleteDatasets) finishes.
 */
export async function deleteDataset(db: Db, id: string): Promise<boolean> {
  const known = await db.driver.executeQuery(cypherFile('datasets/status.cypher'), { ids: [id] }, { database: db.name });
  if (known.records.length === 0) return false;
  await db.driver.executeQuery(cypherFile('datasets/mark-deleting.cypher'), { id }, { database: db.name });
  for (;;) {
    const { records } = await db.driver.executeQuery(cypherFile('datasets/delete-batch.cypher'), { id, batch: neo4j.int(DELETE_BATCH) }, { database: db.name });
    if (toNumber(records[0]?.get('deleted')) === 0) break;
  }
  await db.driver.executeQuery(cypherFile('datasets/delete-record.cypher'), { id }, { database: db.name });
  markGraphChanged();
  return true;
}

/**
 * Deletes the leftovers of imports that never completed (failed or killed) and idle (no batch written) for `idleMs`.
 * Runs at server start and before each import; returns the ids removed.
 */
export async function removeIncompleteDatasets(db: Db, idleMs = 0): Promise<string[]> {
  const { records } = await db.driver.executeQuery(cypherFile('datasets/incomplete.cypher'), { idleMs: neo4j.int(idleMs) }, { database: db.name });
  const ids = records.map((record) => record.get('id') as string);
  for (const id of ids) await deleteDataset(db, id);
  return ids;
}

/** Writes the dataset record as "loading"; refuses (409) when a complete dataset already has the id. */
export async function beginDataset(db: Db, dataset: { id: string; name: string; format: string; source: string }): Promise<void> {
  const existing = await db.driver.executeQuery(cypherFile('datasets/status.cypher'), { ids: [dataset.id] }, { database: db.name });
  if (existing.records[0]?.get('status') === 'complete') {
    throw new AppError(409, 'Dataset exists', `A dataset "${dataset.id}" exists already; delete it first or choose another name.`, 'dataset-exists');
  }
  // A "loading" record of the same id is a killed import's: its rows go before new ones are written.
  if (existing.records.length > 0) await deleteDataset(db, dataset.id);
  await db.driver.executeQuery(cypherFile('datasets/begin.cypher'), dataset, { database: db.name });
}

/** Makes a fully written dataset visible to reads. */
export async function completeDataset(db: Db, id: string, counts: { nodes: number; relationships: number }): Promise<void> {
  await db.driver.executeQuery(
    cypherFile('datasets/complete.cypher'),
    { id, nodes: neo4j.int(counts.nodes), relationships: neo4j.int(counts.relationships) },
    { database: db.name },
  );
  markGraphChanged();
}
