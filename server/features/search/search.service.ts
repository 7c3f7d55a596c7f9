import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { toGraphNode, type GraphNode } from '../../neo4j/graph.js';
import { assertKnownLabels } from '../../neo4j/knownNames.js';
import { timedRead, type StatementRunner } from '../../neo4j/timedRead.js';
import { linkHint, shortDescription } from './searchHint.js';
import { allWordsQuery, luceneQuery, rankCandidates, searchTerms } from './searchQuery.js';

/** A suggestion: the entity, and a line that tells it from its namesakes (its description's first clause or its strongest link). */
export type SearchResult = GraphNode & { hint: string | null };

export interface SearchInput {
  q: string;
  limit: number;
  /** Kind labels to keep; [] keeps all. */
  labels: string[];
  /** Dataset ids to stay within (already resolved by visibleDatasets). */
  datasets: string[];
}

/** Links of each direction weighed for a hint (strongestLinks.cypher): every link of all but the biggest hubs. */
const LINKS_PER_HIT = 50;

/** Hits read from the index before re-ranking: enough that an exact name is among them even for limit=1. */
const MIN_CANDIDATES = 30;

/** Index hits for the words, best first. */
async function readIndexHits(tx: StatementRunner, terms: string[], labels: string[], datasets: string[], candidates: number) {
  const hits = async (query: string) =>
    (await tx.run(cypherFile('search/entities.cypher'), { query, labels, datasets, candidates: neo4j.int(candidates) })).records;
  // Typo tolerance only when not every word matched: its fuzzy terms are most of a search's cost.
  const strict = await hits(allWordsQuery(terms));
  return strict.length > 0 ? strict : hits(luceneQuery(terms));
}

/** Entities whose name, aliases or searchNames match all the words of `q` (or, failing that, any of them), best first, at most `limit`. */
export async function searchEntities(db: Pick<Database, 'driver' | 'name'>, input: SearchInput, timeoutMs: number): Promise<{ results: SearchResult[] }> {
  const terms = searchTerms(input.q);
  if (terms.length === 0) {
    throw new AppError(400, 'Invalid parameter', 'parameter "q": needs at least one letter or digit', 'invalid-parameter', {
      parameter: 'q',
    });
  }
  await assertKnownLabels(db, input.labels, 'labels', timeoutMs);
  return timedRead(db, timeoutMs, async (tx) => ({ results: await findEntities(tx, terms, input) }), { autoCommit: true });
}

/** The search's reads for words already split by searchTerms, ranked and hinted; the bench's raw side runs it too. */
export async function findEntities(tx: StatementRunner, terms: string[], input: Omit<SearchInput, 'q'>): Promise<SearchResult[]> {
  const candidates = Math.max(MIN_CANDIDATES, input.limit * 3);
  const records = await readIndexHits(tx, terms, input.labels, input.datasets, candidates);
  const hits = records.map((record) => {
    const node = toGraphNode(record.get('node') as Neo4jNode);
    // searchNames rank like aliases ("Huánuco" typed in full comes first), though only aliases are the source's words.
    const aliases = [node.properties.aliases, node.properties.searchNames].flatMap((stored) =>
      Array.isArray(stored) ? stored.filter((alias): alias is string => typeof alias === 'string') : [],
    );
    return { id: node.id, name: node.name, aliases, score: record.get('score') as number, node };
  });
  const nodes = rankCandidates(terms, hits)
    .slice(0, input.limit)
    .map((hit) => hit.node);
  return withHints(tx, nodes);
}

/** Each node's hint: its description's first clause, or, for one without a description, its strongest link. */
async function withHints(tx: StatementRunner, nodes: GraphNode[]): Promise<SearchResult[]> {
  const described = new Map(
    nodes.map((node) => [node.id, typeof node.properties.description === 'string' ? shortDescription(node.properties.description) : null]),
  );
  const undescribed = nodes.filter((node) => described.get(node.id) === null).map((node) => node.id);
  const links = new Map<string, string>();
  if (undescribed.length > 0) {
    for (const record of (await tx.run(cypherFile('search/strongestLinks.cypher'), { ids: undescribed, linksPerHit: neo4j.int(LINKS_PER_HIT) })).records) {
      links.set(
        record.get('id') as string,
        linkHint({ type: record.get('type') as string, outgoing: record.get('outgoing') as boolean, other: record.get('other') as string }),
      );
    }
  }
  return nodes.map((node) => ({ ...node, hint: described.get(node.id) ?? links.get(node.id) ?? null }));
}
