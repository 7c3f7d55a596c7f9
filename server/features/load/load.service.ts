import path from 'node:path';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { invalidateKnownNames } from '../../neo4j/knownNames.js';
import { applyMigrations } from '../../neo4j/migrations.js';
import { timedRead } from '../../neo4j/timedRead.js';
import { toNumber } from '../../neo4j/values.js';
import { projectRoot } from '../../projectRoot.js';
import type { Dataset } from './dataset.js';
import { markGraphChanged } from '../analysis/graphVersion.js';

const BATCH_SIZE = 1000;

/**
 * Applies the cypher/schema/V*.cypher migrations this database has not applied yet (see migrations.ts), then waits
 * for the indexes to come online. Returns the files applied now.
 */
export async function applySchema(db: Pick<Database, 'driver' | 'name'>): Promise<string[]> {
  const applied = await applyMigrations(db, path.join(projectRoot, 'cypher', 'schema'));
  await db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.name });
  if (applied.length > 0) invalidateKnownNames(db);
  return applied.map((migration) => migration.file);
}

/** The id of the curated Peru network among Nexo's datasets. */
export const PERU_DATASET = 'peru';

/** The manifest id of data/peru, the one curated dataset with an id of its own. */
const PERU_MANIFEST_ID = 'peru-organised-crime';

/**
 * The dataset id a curated dataset is loaded as when the caller names none: `peru` for the Peru network only, so
 * another one (a generated graph, a case folder) is never filed under Peru by accident.
 */
export function defaultDatasetId(dataset: Dataset): string {
  if (dataset.manifest.id === PERU_MANIFEST_ID) return PERU_DATASET;
  throw new Error(`"${dataset.manifest.id}" is not the Peru network: name the dataset id to load it as`);
}

/** Writes a checked dataset in one transaction: all of it or, on any failure, none of it. */
export async function loadDataset(db: Pick<Database, 'driver' | 'name'>, dataset: Dataset, datasetId = defaultDatasetId(dataset)): Promise<void> {
  const session = db.driver.session({ database: db.name });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(cypherFile('load/source.cypher'), {
        source: {
          id: dataset.manifest.id,
          title: dataset.manifest.title,
          text: dataset.sourceText,
          sha256: dataset.manifest.sha256,
          licence: dataset.manifest.licence,
          attribution: dataset.manifest.attribution,
          ...(dataset.manifest.url ? { url: dataset.manifest.url } : {}),
        },
      });
      const entities = dataset.nodes.map(({ id, kind, ...rest }) => ({
        id,
        labels: [kind],
        properties: withoutUndefined({ ...rest, source: dataset.manifest.id }),
      }));
      await inBatches(tx, 'load/entities.cypher', entities, datasetId);
      const relationships = dataset.relationships.map(({ id, type, source, target, ...rest }) => ({
        id,
        type,
        source,
        target,
        properties: withoutUndefined({ ...rest, source: dataset.manifest.id }),
      }));
      await inBatches(tx, 'load/relationships.cypher', relationships, datasetId);
      await tx.run(cypherFile('load/dataset.cypher'), {
        id: datasetId,
        name: dataset.manifest.title,
        source: dataset.manifest.url ?? dataset.manifest.id,
        nodes: neo4j.int(entities.length),
        relationships: neo4j.int(relationships.length),
      });
    });
    invalidateKnownNames(db);
    markGraphChanged();
  } finally {
    await session.close();
  }
}

async function inBatches(tx: ManagedTransaction, file: string, rows: unknown[], dataset: string): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await tx.run(cypherFile(file), { rows: rows.slice(start, start + BATCH_SIZE), dataset });
  }
}

function withoutUndefined(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}

export interface GraphCounts {
  labels: Record<string, number>;
  types: Record<string, number>;
}

/** Node counts per label and relationship counts per type. */
export async function countGraph(db: Pick<Database, 'driver' | 'name'>, timeoutMs: number): Promise<GraphCounts> {
  const toMap = (records: { get(key: string): unknown }[]): Record<string, number> =>
    Object.fromEntries(records.map((r) => [r.get('name') as string, toNumber(r.get('count'))]));
  const [labels, types] = await timedRead(db, timeoutMs, (tx) =>
    Promise.all([tx.run(cypherFile('read/label-counts.cypher')), tx.run(cypherFile('read/type-counts.cypher'))]),
  );
  return { labels: toMap(labels.records), types: toMap(types.records) };
}
