import type { Driver } from 'neo4j-driver';
import { cypherFile } from '../cypher.js';
import { AppError } from '../errors.js';
import { readQuery, type Database } from './database.js';

/** The labels and relationship types the database knows: the allow-list for identifiers written into queries. */
export interface KnownNames {
  labels: string[];
  relationshipTypes: string[];
}

type Target = Pick<Database, 'driver' | 'name'>;

/** Seconds-old names are fine for a filter, and spare the database a read per request. */
const CACHE_MS = 5000;

interface CacheEntry {
  at: number;
  names: Promise<KnownNames>;
}

// Keyed by driver then database name, so tests with their own driver never see another database's names.
const cache = new WeakMap<Driver, Map<string, CacheEntry>>();

/** The database's labels and relationship types, sorted; cached for a few seconds. */
export function knownNames(db: Target, options: { fresh?: boolean } = {}): Promise<KnownNames> {
  let perDriver = cache.get(db.driver);
  if (!perDriver) {
    perDriver = new Map();
    cache.set(db.driver, perDriver);
  }
  const entry = perDriver.get(db.name);
  if (entry && !options.fresh && Date.now() - entry.at < CACHE_MS) return entry.names;
  // Concurrent callers share one read; a failed read is not cached.
  const names = readNames(db);
  const fresh = { at: Date.now(), names };
  perDriver.set(db.name, fresh);
  names.catch(() => {
    if (perDriver.get(db.name) === fresh) perDriver.delete(db.name);
  });
  return names;
}

async function readNames(db: Target): Promise<KnownNames> {
  const tokens = (await readQuery(db, cypherFile('schema/read/tokens.cypher'))).records[0]!;
  return { labels: [...(tokens.get('labels') as string[])].sort(), relationshipTypes: [...(tokens.get('types') as string[])].sort() };
}

/** Throws a 400 naming `parameterName` and the first unknown value unless every label exists in the database. */
export async function assertKnownLabels(db: Target, labels: readonly string[], parameterName: string): Promise<void> {
  await assertKnown(db, labels, parameterName, 'label', (names) => names.labels);
}

/** Throws a 400 naming `parameterName` and the first unknown value unless every relationship type exists. */
export async function assertKnownRelationshipTypes(db: Target, types: readonly string[], parameterName: string): Promise<void> {
  await assertKnown(db, types, parameterName, 'relationship type', (names) => names.relationshipTypes);
}

async function assertKnown(db: Target, names: readonly string[], parameterName: string, kind: string, list: (names: KnownNames) => string[]): Promise<void> {
  if (names.length === 0) return;
  const unknownIn = (known: KnownNames): string[] => {
    const allowed = new Set(list(known));
    return names.filter((name) => !allowed.has(name));
  };
  let unknown = unknownIn(await knownNames(db));
  // A label or type created since the cached read (an import just ran) must not be refused: look again once.
  if (unknown.length > 0) unknown = unknownIn(await knownNames(db, { fresh: true }));
  if (unknown.length > 0) {
    throw new AppError(400, 'Invalid parameter', `parameter "${parameterName}": unknown ${kind} "${unknown[0]}"`, 'invalid-parameter', {
      parameter: parameterName,
    });
  }
}
