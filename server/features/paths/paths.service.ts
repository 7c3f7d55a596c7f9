import neo4j, { type ManagedTransaction, type Node as Neo4jNode, type Path, type Relationship } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { AppError, queryTimeout } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { nodeId, toGraphEdge, toGraphNode, type Graph } from '../../neo4j/graph.js';
import { toNumber } from '../../neo4j/values.js';
import { fillCypherTemplate, quoteIdentifier } from '../../neo4j/cypherIdentifiers.js';
import { assertKnownLabels, assertKnownRelationshipTypes } from '../../neo4j/knownNames.js';
import { timedRead } from '../../neo4j/timedRead.js';

export const PATH_MODES = ['shortest', 'all-shortest', 'k-shortest'] as const;
export type PathMode = (typeof PATH_MODES)[number];

export const DEFAULT_MAX_HOPS = 6;
/** Beyond 10 hops a "connection" says little and every entity reaches every other through a hub. */
export const MAX_HOPS = 10;
export const DEFAULT_K = 3;
export const MAX_K = 20;
/** all-shortest stops here: two hubs can be joined by millions of equally short paths. */
export const ALL_SHORTEST_CAP = 100;

export interface PathsRequest {
  from: string;
  to: string;
  /** Dataset ids both ends must be in (already resolved by visibleDatasets); relationships never cross datasets. */
  datasets: string[];
  maxHops: number;
  /** Relationship types to follow; empty means every type. */
  types: string[];
  /** When true, only relationships stored in the direction from → to are followed. */
  directed: boolean;
  mode: PathMode;
  /** How many paths k-shortest returns; the other modes ignore it. */
  k: number;
  /** Entities no path may pass through (never from or to). Optional: none by default. */
  excludeIds?: string[];
  /** Labels whose entities no path may pass through, e.g. Location (from and to excepted). */
  excludeLabels?: string[];
  /** Relationship types no path may use. */
  excludeTypes?: string[];
}

export interface PathsResult {
  paths: Graph[];
  /** True when all-shortest found more than ALL_SHORTEST_CAP paths and returned only that many. */
  truncated: boolean;
  /** Whether the two are in the same connected component: when no path fits the request, whether any path at all exists. */
  connected: boolean;
}

type Transaction = Pick<ManagedTransaction, 'run'>;
type Slots = Record<string, string>;

/** The avoid options as query parameters; exclusions.cypher reads them. */
interface Exclusions {
  ends: string[];
  excludeIds: string[];
  excludeLabels: string[];
  excludeTypes: string[];
}

/** A path flattened: relationships[i] joins nodes[i] and nodes[i + 1]. */
interface Walk {
  nodes: Neo4jNode[];
  relationships: Relationship[];
}

/** Paths between two entities as ordered graphs (edge i joins nodes i and i+1), within the query time limit. */
export async function findPaths(db: Pick<Database, 'driver' | 'name'>, request: PathsRequest, timeoutMs: number): Promise<PathsResult> {
  await assertKnownRelationshipTypes(db, request.types, 'types', timeoutMs);
  await assertKnownRelationshipTypes(db, request.excludeTypes ?? [], 'excludeTypes', timeoutMs);
  await assertKnownLabels(db, request.excludeLabels ?? [], 'excludeLabels', timeoutMs);
  const avoided = (['from', 'to'] as const).find((end) => request.excludeIds?.includes(request[end]));
  if (avoided) {
    throw new AppError(
      400,
      'Invalid parameter',
      `parameter "excludeIds": cannot avoid "${avoided}" (${request[avoided]}), an end of the path.`,
      'invalid-parameter',
      {
        parameter: 'excludeIds',
      },
    );
  }
  const exclusions: Exclusions = {
    ends: [request.from, request.to],
    excludeIds: request.excludeIds ?? [],
    excludeLabels: request.excludeLabels ?? [],
    excludeTypes: request.excludeTypes ?? [],
  };
  const slots = patternSlots(request, exclusions);
  return timedRead(db, timeoutMs, async (tx) => {
    await assertEndsExist(tx, request);
    const found =
      request.mode === 'all-shortest'
        ? await allShortestPaths(tx, request.datasets, exclusions, slots)
        : await simplePaths(tx, request, exclusions, slots, timeoutMs);
    // "No path within N hops" is misleading when no number of hops would do: say which it is.
    return { ...found, connected: found.paths.length > 0 || (await areConnected(tx, request)) };
  });
}

async function simplePaths(
  tx: Transaction,
  request: PathsRequest,
  exclusions: Exclusions,
  slots: Slots,
  timeoutMs: number,
): Promise<Omit<PathsResult, 'connected'>> {
  const deadline = performance.now() + timeoutMs;
  const walks = await shortestSimplePaths(tx, request, exclusions, slots, request.mode === 'k-shortest' ? request.k : 1, deadline);
  return { paths: walks.map(orderedGraph), truncated: false };
}

/** Whether any path at all joins the two: any length, type or direction, avoiding nothing. */
async function areConnected(tx: Transaction, request: PathsRequest): Promise<boolean> {
  const record = (await tx.run(cypherFile('paths/connected.cypher'), { from: request.from, to: request.to })).records[0];
  return record?.get('connected') === true;
}

/**
 * The pattern's slots; each value is checked here, the one place it is written into Cypher text. `exclusions` is the
 * condition of exclusions.cypher after WHERE (after AND in spur-paths, see spurSlots), or nothing when nothing is avoided.
 */
function patternSlots(request: PathsRequest, exclusions: Exclusions): Slots {
  if (!Number.isInteger(request.maxHops) || request.maxHops < 1 || request.maxHops > MAX_HOPS) {
    throw new Error(`maxHops must be an integer from 1 to ${MAX_HOPS}`);
  }
  return {
    types: request.types.length > 0 ? `:${request.types.map(quoteIdentifier).join('|')}` : '',
    arrowHead: request.directed ? '>' : '',
    maxHops: String(request.maxHops),
    exclusions: avoidsAnything(exclusions) ? `WHERE ${cypherFile('paths/exclusions.cypher')}` : '',
  };
}

function avoidsAnything(exclusions: Exclusions): boolean {
  return exclusions.excludeIds.length + exclusions.excludeLabels.length + exclusions.excludeTypes.length > 0;
}

/** spur-paths.cypher has a WHERE of its own: the exclusions join it with AND. */
function spurSlots(slots: Slots): Slots {
  return { ...slots, exclusions: slots.exclusions!.replace(/^WHERE /, 'AND ') };
}

async function assertEndsExist(tx: Transaction, request: PathsRequest): Promise<void> {
  const ends = (await tx.run(cypherFile('paths/endpoints.cypher'), { from: request.from, to: request.to, datasets: request.datasets })).records[0]!;
  const missing = (['from', 'to'] as const).filter((end) => !ends.get(`${end}Found`));
  if (missing.length > 0) {
    const named = missing.map((end) => `"${end}" (${request[end]})`).join(' and ');
    throw new AppError(404, 'Not found', `No entity with the id given in ${named}.`, 'not-found', { parameter: missing[0] });
  }
}

async function allShortestPaths(tx: Transaction, datasets: string[], exclusions: Exclusions, slots: Slots): Promise<Omit<PathsResult, 'connected'>> {
  // One path more than the cap tells whether some were left out. An Integer, because a JavaScript number travels as
  // a float, which LIMIT refuses.
  const limit = neo4j.int(ALL_SHORTEST_CAP + 1);
  const cypher = fillCypherTemplate(cypherFile('paths/all-shortest.cypher'), slots);
  const [from, to] = exclusions.ends;
  const { records } = await tx.run(cypher, { from, to, datasets, limit, ...exclusions });
  const walks = records.map((record) => walkOf(record.get('path') as Path));
  return { paths: walks.slice(0, ALL_SHORTEST_CAP).map(orderedGraph), truncated: walks.length > ALL_SHORTEST_CAP };
}

/**
 * The k shortest simple paths (no entity twice), shortest first, by Yen's algorithm. Neo4j 5.26's own `SHORTEST k`
 * matches trails, which may pass an entity twice (A–B–C–B–D, a detour that says nothing); dropping those inside the
 * selector makes Neo4j enumerate every trail, which took seconds on the 87-node Peru graph for k = 20. Yen's needs
 * at most k rounds of one query each, and every search in them is a breadth-first search with bans.
 */
async function shortestSimplePaths(tx: Transaction, request: PathsRequest, exclusions: Exclusions, slots: Slots, k: number, deadline: number): Promise<Walk[]> {
  const ends = { from: request.from, to: request.to, datasets: request.datasets };
  const first = (await tx.run(fillCypherTemplate(cypherFile('paths/shortest.cypher'), slots), { ...ends, ...exclusions })).records[0];
  if (!first) return [];
  const accepted = [walkOf(first.get('path') as Path)];
  const candidates: Walk[] = [];
  const known = new Set(accepted.map(walkKey));
  const spurQuery = fillCypherTemplate(cypherFile('paths/spur-paths.cypher'), spurSlots(slots));
  while (accepted.length < k) {
    // Neo4j stops a transaction past its timeout only at its next sweep (every 2 s), which a fast round can slip
    // past; the rounds themselves are where this search spends its time, so the limit is checked between them too.
    if (performance.now() > deadline) throw queryTimeout();
    const last = accepted.at(-1)!;
    // Leave the last path at each of its nodes but the end: keep the hops before it (the root), ban the root's nodes
    // so the path stays simple, and ban the next hop of every accepted path sharing that root so the spur is new.
    const spurs = last.relationships.map((_, index) => {
      const root = last.relationships.slice(0, index);
      return {
        index: neo4j.int(index),
        node: last.nodes[index]!.elementId,
        bannedNodes: last.nodes.slice(0, index).map((node) => node.elementId),
        bannedRelationships: accepted.filter((walk) => startsWith(walk.relationships, root)).map((walk) => walk.relationships[index]!.elementId),
        maxHops: neo4j.int(request.maxHops - index),
      };
    });
    for (const record of (await tx.run(spurQuery, { to: request.to, spurs, ...exclusions })).records) {
      const index = toNumber(record.get('index'));
      const spur = walkOf(record.get('path') as Path);
      const candidate = {
        nodes: [...last.nodes.slice(0, index), ...spur.nodes],
        relationships: [...last.relationships.slice(0, index), ...spur.relationships],
      };
      const key = walkKey(candidate);
      if (!known.has(key)) {
        known.add(key);
        candidates.push(candidate);
      }
    }
    if (candidates.length === 0) break;
    // The shortest candidate; among equals the one found first, so the same request gives the same answer.
    const next = candidates.reduce((best, walk, index) => (walk.relationships.length < candidates[best]!.relationships.length ? index : best), 0);
    accepted.push(candidates.splice(next, 1)[0]!);
  }
  return accepted;
}

function startsWith(relationships: Relationship[], root: Relationship[]): boolean {
  return relationships.length > root.length && root.every((relationship, index) => relationships[index]!.elementId === relationship.elementId);
}

function walkKey(walk: Walk): string {
  return walk.relationships.map((relationship) => relationship.elementId).join(' ');
}

function walkOf(path: Path): Walk {
  return {
    nodes: [path.start, ...path.segments.map((segment) => segment.end)],
    relationships: path.segments.map((segment) => segment.relationship),
  };
}

/** A walk as the API's graph, in walking order; edges keep their stored direction, so one walked against it has source = nodes[i + 1]. */
function orderedGraph(walk: Walk): Graph {
  const idsByElement = new Map(walk.nodes.map((node) => [node.elementId, nodeId(node)]));
  return {
    nodes: walk.nodes.map((node) => toGraphNode(node)),
    edges: walk.relationships.map((relationship) => toGraphEdge(relationship, (elementId) => idsByElement.get(elementId)!)),
  };
}
