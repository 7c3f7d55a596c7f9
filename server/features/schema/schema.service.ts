import neo4j, { type Driver } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { timedRead } from '../../neo4j/timedRead.js';
import { localGraphVersion } from '../analysis/graphVersion.js';
import { toNumber } from '../../neo4j/values.js';
import { knownNames } from '../../neo4j/knownNames.js';
import { fillCypherTemplate, quoteIdentifier } from '../../neo4j/cypherIdentifiers.js';

export interface LabelSummary {
  name: string;
  count: number;
  /** Keys found on a sample of the label's nodes (see PROPERTY_SAMPLE), sorted. */
  propertyKeys: string[];
}

export interface RelationshipTypeSummary {
  name: string;
  count: number;
}

export interface SchemaSummary {
  labels: LabelSummary[];
  relationshipTypes: RelationshipTypeSummary[];
}

type SchemaTarget = Pick<Database, 'driver' | 'name'>;

/** Seconds-old counts are fine for a legend or a filter list, and spare the database a query per request. */
const CACHE_MS = 5000;
/** Counts within datasets are read through their nodes, not the count store, so they are kept longer. */
const DATASET_CACHE_MS = 60_000;
/** Nodes read per label to list its property keys: enough for a filter list, constant on any graph size. */
const PROPERTY_SAMPLE = 100;

interface CacheEntry {
  at: number;
  summary: Promise<SchemaSummary>;
}

// Keyed by driver then database name (and datasets), so tests with their own driver never see another database's schema.
const cache = new WeakMap<Driver, Map<string, CacheEntry>>();

/** Labels with node counts and property keys, relationship types with counts; cached for a few seconds. */
export function getSchema(db: SchemaTarget, timeoutMs: number): Promise<SchemaSummary> {
  return cached(db, '', CACHE_MS, () => readSchema(db, timeoutMs));
}

/**
 * The schema within some datasets: every label and type of the database (so that a label keeps its look whichever
 * datasets are chosen), counted within them, property keys sampled there. Kept for a minute, and read again at once
 * after a load, import or deletion by this server (graphVersion); one by the import command beside it shows within
 * the minute.
 */
export async function getDatasetSchema(db: SchemaTarget, datasets: string[], timeoutMs: number): Promise<SchemaSummary> {
  // The names alone, not the whole database's counts: that statement is planned again whenever a label is added.
  const [names, scoped] = await Promise.all([
    knownNames(db, timeoutMs),
    cached(db, `${datasets.join(',')}|${localGraphVersion()}`, DATASET_CACHE_MS, () => readDatasetCounts(db, datasets, timeoutMs)),
  ]);
  const labels = new Map(scoped.labels.map((label) => [label.name, label]));
  const types = new Map(scoped.relationshipTypes.map((type) => [type.name, type.count]));
  return {
    labels: names.labels.map((name) => labels.get(name) ?? { name, count: 0, propertyKeys: [] }),
    relationshipTypes: names.relationshipTypes.map((name) => ({ name, count: types.get(name) ?? 0 })),
  };
}

async function readDatasetCounts(db: SchemaTarget, datasets: string[], timeoutMs: number): Promise<SchemaSummary> {
  const result = await timedRead(
    db,
    timeoutMs,
    (tx) => tx.run(cypherFile('schema/read/dataset-counts.cypher'), { datasets, sample: neo4j.int(PROPERTY_SAMPLE) }),
    {
      autoCommit: true,
    },
  );
  const record = result.records[0]!;
  const labels = record.get('labels') as { name: string; count: unknown; keys: string[] }[];
  const types = record.get('types') as { name: string; count: unknown }[];
  return {
    labels: labels.map(({ name, count, keys }) => ({ name, count: toNumber(count), propertyKeys: [...keys].sort() })),
    relationshipTypes: types.map(({ name, count }) => ({ name, count: toNumber(count) })),
  };
}

function cached(db: SchemaTarget, key: string, maxAgeMs: number, read: () => Promise<SchemaSummary>): Promise<SchemaSummary> {
  let perDriver = cache.get(db.driver);
  if (!perDriver) {
    perDriver = new Map();
    cache.set(db.driver, perDriver);
  }
  const at = `${db.name}|${key}`;
  const entry = perDriver.get(at);
  if (entry && Date.now() - entry.at < maxAgeMs) return entry.summary;
  // Concurrent callers share one read; a failed read is not cached.
  const summary = read();
  const fresh = { at: Date.now(), summary };
  perDriver.set(at, fresh);
  summary.catch(() => {
    if (perDriver.get(at) === fresh) perDriver.delete(at);
  });
  return summary;
}

async function readSchema(db: SchemaTarget, timeoutMs: number): Promise<SchemaSummary> {
  const { labels, relationshipTypes: types } = await knownNames(db, timeoutMs);
  const cypher = fillCypherTemplate(cypherFile('schema/read/summary.cypher'), {
    labelCounts: labels.map((label) => `COUNT { (:${quoteIdentifier(label)}) }`).join(', '),
    labelKeys: labels
      .map((label) => `COLLECT { MATCH (n:${quoteIdentifier(label)}) WITH n LIMIT $sample UNWIND keys(n) AS key RETURN DISTINCT key }`)
      .join(', '),
    typeCounts: types.map((type) => `COUNT { ()-[:${quoteIdentifier(type)}]->() }`).join(', '),
  });
  const record = (await timedRead(db, timeoutMs, (tx) => tx.run(cypher, { sample: neo4j.int(PROPERTY_SAMPLE) }), { autoCommit: true })).records[0]!;
  const labelCounts = record.get('labelCounts') as unknown[];
  const labelKeys = record.get('labelKeys') as string[][];
  const typeCounts = record.get('typeCounts') as unknown[];
  return {
    labels: labels.map((name, index) => ({
      name,
      count: toNumber(labelCounts[index]),
      propertyKeys: [...labelKeys[index]!].sort(),
    })),
    relationshipTypes: types.map((name, index) => ({ name, count: toNumber(typeCounts[index]) })),
  };
}
