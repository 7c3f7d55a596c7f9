import type { Driver } from 'neo4j-driver';
import { cypherFile } from '../cypher.js';
import { AppError } from '../errors.js';
import type { Database } from './database.js';
import { timedRead } from './timedRead.js';

/** The labels, relationship types and property keys the database knows: the allow-list for identifiers in queries. */
export interface KnownNames {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

type Target = Pick<Database, 'driver' | 'name'>;

interface CacheEntry {
  at: number;
  names: Promise<KnownNames>;
}

/**
 * The known names per database, read once and then answered from memory, so a request with an unknown `labels=` or
 * `types=` value costs no database read (eight clients sending `labels=Nope` used to slow node details 250-fold).
 * Loads, imports and migrations in this process invalidate it at once; `maxAgeMs` bounds how long a change made by
 * another process (the import command next to a running server) goes unseen.
 */
export class KnownNamesCache {
  // Keyed by driver then database name, so tests with their own driver never see another database's names.
  private readonly entries = new WeakMap<Driver, Map<string, CacheEntry>>();

  constructor(private readonly maxAgeMs: number) {}

  /** The database's labels, relationship types and property keys, each sorted. */
  get(db: Target, timeoutMs: number): Promise<KnownNames> {
    let perDriver = this.entries.get(db.driver);
    if (!perDriver) {
      perDriver = new Map();
      this.entries.set(db.driver, perDriver);
    }
    const entry = perDriver.get(db.name);
    if (entry && Date.now() - entry.at < this.maxAgeMs) return entry.names;
    // Concurrent callers share one read; a failed read is not cached.
    const names = readNames(db, timeoutMs);
    const fresh = { at: Date.now(), names };
    perDriver.set(db.name, fresh);
    names.catch(() => {
      if (perDriver.get(db.name) === fresh) perDriver.delete(db.name);
    });
    return names;
  }

  /** Forgets the names of this database: the next use reads them again. */
  invalidate(db: Target): void {
    this.entries.get(db.driver)?.delete(db.name);
  }

  /** Throws a 400 naming `parameterName` and the first unknown value unless every label exists in the database. */
  async assertLabels(db: Target, labels: readonly string[], parameterName: string, timeoutMs: number): Promise<void> {
    if (labels.length > 0) refuseUnknown(labels, (await this.get(db, timeoutMs)).labels, parameterName, 'label');
  }

  /** Throws a 400 naming `parameterName` and the first unknown value unless every relationship type exists. */
  async assertRelationshipTypes(db: Target, types: readonly string[], parameterName: string, timeoutMs: number): Promise<void> {
    if (types.length > 0) refuseUnknown(types, (await this.get(db, timeoutMs)).relationshipTypes, parameterName, 'relationship type');
  }
}

async function readNames(db: Target, timeoutMs: number): Promise<KnownNames> {
  const { records } = await timedRead(db, timeoutMs, (tx) => tx.run(cypherFile('schema/read/tokens.cypher')), { autoCommit: true });
  const sorted = (key: string): string[] => [...(records[0]!.get(key) as string[])].sort();
  return { labels: sorted('labels'), relationshipTypes: sorted('types'), propertyKeys: sorted('propertyKeys') };
}

function refuseUnknown(names: readonly string[], known: string[], parameterName: string, kind: string): void {
  const allowed = new Set(known);
  const unknown = names.find((name) => !allowed.has(name));
  if (unknown !== undefined) {
    throw new AppError(400, 'Invalid parameter', `parameter "${parameterName}": unknown ${kind} "${unknown}"`, 'invalid-parameter', {
      parameter: parameterName,
    });
  }
}

/** As old as the schema summary's counts (see schema.service.ts), so the legend and the filters agree. */
const MAX_AGE_MS = 5000;

const shared = new KnownNamesCache(MAX_AGE_MS);

/** The process's known names (see KnownNamesCache). */
export function knownNames(db: Target, timeoutMs: number): Promise<KnownNames> {
  return shared.get(db, timeoutMs);
}

/** Called after anything that may add labels, types or keys: loads, imports, migrations. */
export function invalidateKnownNames(db: Target): void {
  shared.invalidate(db);
}

export function assertKnownLabels(db: Target, labels: readonly string[], parameterName: string, timeoutMs: number): Promise<void> {
  return shared.assertLabels(db, labels, parameterName, timeoutMs);
}

export function assertKnownRelationshipTypes(db: Target, types: readonly string[], parameterName: string, timeoutMs: number): Promise<void> {
  return shared.assertRelationshipTypes(db, types, parameterName, timeoutMs);
}
