import neo4j, { type Driver } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { timedRead } from '../../neo4j/timedRead.js';
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
/** Nodes read per label to list its property keys: enough for a filter list, constant on any graph size. */
const PROPERTY_SAMPLE = 100;

interface CacheEntry {
  at: number;
  summary: Promise<SchemaSummary>;
}

// Keyed by driver then database name, so tests with their own driver never see another database's schema.
const cache = new WeakMap<Driver, Map<string, CacheEntry>>();

/** Labels with node counts and property keys, relationship types with counts; cached for a few seconds. */
export function getSchema(db: SchemaTarget, timeoutMs: number): Promise<SchemaSummary> {
  let perDriver = cache.get(db.driver);
  if (!perDriver) {
    perDriver = new Map();
    cache.set(db.driver, perDriver);
  }
  const entry = perDriver.get(db.name);
  if (entry && Date.now() - entry.at < CACHE_MS) return entry.summary;
  // Concurrent callers share one read; a failed read is not cached.
  const summary = readSchema(db, timeoutMs);
  const fresh = { at: Date.now(), summary };
  perDriver.set(db.name, fresh);
  summary.catch(() => {
    if (perDriver.get(db.name) === fresh) perDriver.delete(db.name);
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
