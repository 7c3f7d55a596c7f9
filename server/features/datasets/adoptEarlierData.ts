import neo4j from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { toNumber } from '../../neo4j/values.js';
import { markGraphChanged } from '../analysis/graphVersion.js';

type Db = Pick<Database, 'driver' | 'name'>;

/** Where the entities of a store written before datasets existed go when they are not curated ones. */
export const EARLIER_IMPORTS = { id: 'earlier-imports', name: 'Imported before datasets', format: 'earlier-import', source: '' };

export interface Adoption {
  /** Entities and relationships now in the curated dataset, which the caller reloads to write its record. */
  curated: { nodes: number; relationships: number };
  earlier: { nodes: number; relationships: number };
}

/**
 * A store from a Nexo before datasets holds entities and relationships with neither API id nor dataset, which every
 * read filters out: after an upgrade the graph looked empty (every node a 404). This gives each its keys, in batches
 * that a restart resumes: curated ids (`curated.ids()`, e.g. the Peru files', read only when there is something to
 * adopt) join `curated`, everything else the dataset of earlier imports, recorded complete so that it is listed,
 * readable and deletable like any import.
 * Returns undefined when there was nothing to adopt.
 */
export async function adoptEarlierData(db: Db, curated: { id: string; ids: () => string[] }): Promise<Adoption | undefined> {
  const probe = await db.driver.executeQuery(cypherFile('datasets/unadopted.cypher'), {}, { database: db.name });
  if (probe.records[0]?.get('found') !== true) return undefined;
  const parameters = { curated: curated.id, curatedIds: curated.ids(), earlier: EARLIER_IMPORTS.id };
  // CALL … IN TRANSACTIONS runs only in an auto-commit transaction, hence session.run.
  const session = db.driver.session({ database: db.name });
  try {
    await session.run(cypherFile('datasets/adopt-entities.cypher'), parameters);
    await session.run(cypherFile('datasets/adopt-relationships.cypher'), parameters);
  } finally {
    await session.close();
  }
  const adoption = { curated: await countsOf(db, curated.id), earlier: await countsOf(db, EARLIER_IMPORTS.id) };
  if (adoption.earlier.nodes > 0) {
    const counts = { nodes: neo4j.int(adoption.earlier.nodes), relationships: neo4j.int(adoption.earlier.relationships) };
    await db.driver.executeQuery(cypherFile('datasets/adopted-record.cypher'), { ...EARLIER_IMPORTS, ...counts }, { database: db.name });
  }
  markGraphChanged();
  return adoption;
}

async function countsOf(db: Db, id: string): Promise<{ nodes: number; relationships: number }> {
  const { records } = await db.driver.executeQuery(cypherFile('datasets/adopted-counts.cypher'), { id }, { database: db.name });
  return { nodes: toNumber(records[0]?.get('nodes')), relationships: toNumber(records[0]?.get('relationships')) };
}
