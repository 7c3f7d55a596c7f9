import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { toGraphNode } from '../../neo4j/graph.js';
import { toNumber } from '../../neo4j/values.js';
import { listDatasets } from '../datasets/datasets.service.js';
import { useCaptionsOf } from './captions.service.js';

type Db = Pick<Database, 'driver' | 'name'>;

/** Nodes read and written per transaction. */
const BATCH = 5000;

/**
 * Makes search find a dataset's nodes by the captions they are shown by: after an import and after the user chooses
 * captions, every node whose caption is not its `name` (a `code`, a registration, first and last name) gets it in
 * `__nexo_search_caption`, which the full-text index reads (V006); the others lose it. Batched: a page of nodes read,
 * their captions computed as the API computes them, and those whose stored search caption differs written back, each
 * page its own transaction (a node shown by its name, most of them, writes nothing). Returns how many nodes now carry
 * a search caption.
 */
export async function storeSearchCaptions(db: Db, dataset: string, timeoutMs: number): Promise<number> {
  // Captions depend on every dataset's choices and picks; this refreshes them for node conversion first.
  await useCaptionsOf(db, (await listDatasets(db, timeoutMs)).datasets, timeoutMs);
  let after = '';
  let stored = 0;
  for (;;) {
    const { records } = await db.driver.executeQuery(
      cypherFile('captions/caption-page.cypher'),
      { dataset, after, batch: neo4j.int(BATCH) },
      { database: db.name },
    );
    if (records.length === 0) return stored;
    const rows: { id: string; caption: string | null }[] = [];
    for (const record of records) {
      const node = record.get('n') as Neo4jNode;
      const shown = toGraphNode(node);
      const name = node.properties.name;
      const caption = shown.name === shown.id || shown.name === (typeof name === 'string' ? name.trim() : undefined) ? null : shown.name;
      if (caption !== null) stored += 1;
      if (caption !== (node.properties.__nexo_search_caption ?? null)) rows.push({ id: shown.id, caption });
      after = shown.id;
    }
    if (rows.length === 0) continue;
    const written = await db.driver.executeQuery(cypherFile('captions/write-search-captions.cypher'), { rows }, { database: db.name });
    if (toNumber(written.records[0]?.get('written')) !== rows.length) throw new Error(`search captions of "${dataset}": a batch was not written whole`);
  }
}
