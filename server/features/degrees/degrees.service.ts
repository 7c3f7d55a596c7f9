import type { Node as Neo4jNode } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { datasetOf, toGraphNode, type GraphNode } from '../../neo4j/graph.js';
import { toNumber } from '../../neo4j/values.js';
import { timedRead } from '../../neo4j/timedRead.js';

type Target = Pick<Database, 'driver' | 'name'>;

/** Total relationship count of each known id; unknown ids are left out. */
export async function getDegrees(db: Target, ids: string[], datasets: string[], timeoutMs: number): Promise<Record<string, number>> {
  const records = await timedRead(db, timeoutMs, async (tx) => (await tx.run(cypherFile('degrees/of-ids.cypher'), { ids, datasets })).records);
  return Object.fromEntries(records.map((record) => [record.get('id') as string, toNumber(record.get('degree'))]));
}

export interface RankedNode {
  node: GraphNode;
  degree: number;
  /** The dataset the entity belongs to: two datasets may hold actors of the same name. */
  dataset: string;
}

/** The ranking reads every entity's degree once; a minute-old answer is good enough for a start page. */
const RANKING_CACHE_MS = 60_000;
const rankingCache = new WeakMap<object, Map<string, { at: number; limit: number; ranking: Promise<RankedNode[]> }>>();

/** The most connected entities, highest degree first (ties by name, then id). */
export function getMostConnected(db: Target, limit: number, datasets: string[], timeoutMs: number): Promise<RankedNode[]> {
  const perDriver = rankingCache.get(db.driver) ?? new Map<string, { at: number; limit: number; ranking: Promise<RankedNode[]> }>();
  rankingCache.set(db.driver, perDriver);
  const key = [...datasets].sort().join(',');
  const cached = perDriver.get(key);
  if (cached && cached.limit >= limit && Date.now() - cached.at < RANKING_CACHE_MS) {
    return cached.ranking.then((ranking) => ranking.slice(0, limit));
  }
  const ranking = timedRead(db, timeoutMs, async (tx) => {
    const { records } = await tx.run(cypherFile('degrees/most-connected.cypher'), { limit: neo4j.int(limit), datasets });
    return records.map((record) => {
      const node = record.get('n') as Neo4jNode;
      return { node: toGraphNode(node), degree: toNumber(record.get('degree')), dataset: datasetOf(node) ?? '' };
    });
  });
  const entry = { at: Date.now(), limit, ranking };
  perDriver.set(key, entry);
  ranking.catch(() => {
    if (perDriver.get(key) === entry) perDriver.delete(key);
  });
  return ranking;
}
