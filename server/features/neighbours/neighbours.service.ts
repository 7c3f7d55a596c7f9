import neo4j, { type Node as Neo4jNode, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { GraphCollector, type GraphEdge, type GraphNode } from '../../neo4j/graph.js';
import { toNumber } from '../../neo4j/values.js';
import { degreePass, readDegree, unknownNode, type DegreeByType } from '../nodes/nodes.service.js';
import { fillCypherTemplate, quoteIdentifier } from '../../neo4j/cypherIdentifiers.js';
import { assertKnownLabels, assertKnownRelationshipTypes } from '../../neo4j/knownNames.js';
import { timedRead, type StatementRunner } from '../../neo4j/timedRead.js';

export const directions = ['in', 'out', 'both'] as const;
export type Direction = (typeof directions)[number];

export interface NeighboursInput {
  /** Relationship types to follow; [] follows all. */
  types: string[];
  /** out: the node is the start of the relationship; in: the end; both: either. */
  direction: Direction;
  /** Labels a neighbour must have one of; [] keeps all. */
  labels: string[];
  limit: number;
  skip: number;
  /** Dataset ids to stay within (already resolved by visibleDatasets). */
  datasets: string[];
}

export interface RelationshipCount {
  type: string;
  direction: 'in' | 'out';
  count: number;
}

export interface NeighboursPage {
  /** The node itself first, then the other ends of the page's relationships, each once, by name then id. */
  nodes: GraphNode[];
  /** The page: `limit` of the node's matching relationships, after `skip` of them. */
  edges: GraphEdge[];
  /** Matching relationships: exact when totalExact, else a lower bound (there are more). */
  total: number;
  totalExact: boolean;
  /** All the node's relationships by type and direction, whatever the filters. */
  counts: RelationshipCount[];
}

/**
 * How many relationships past the page the total is counted. Counting a hub's 140,000 matching links exactly costs as
 * much as reading them all, so past this the total is reported as "more than"; the counts per type stay exact.
 */
export const COUNT_AHEAD = 1000;

type Paging = Pick<NeighboursInput, 'limit' | 'skip'>;

/** The page query for one choice of types (already checked against the schema) and direction, and its reading. */
export interface NeighboursQuery {
  cypher: string;
  parameters(id: string, input: Paging & Pick<NeighboursInput, 'labels' | 'datasets'>): Record<string, unknown>;
  /** The page from the query's record; a hub's counts per type take one more small statement per type in `tx`. */
  read(tx: StatementRunner, id: string, record: Neo4jRecord, input: Paging): Promise<NeighboursPage>;
}

/** The page query for one choice of types and direction; the bench's raw side runs it too. */
export function prepareNeighbours(db: Pick<Database, 'driver' | 'name'>, types: readonly string[], direction: Direction, timeoutMs: number): NeighboursQuery {
  const typeExpression = types.length > 0 ? `:${types.map(quoteIdentifier).join('|')}` : '';
  const relationship = `[r${typeExpression}]`;
  const expand = direction === 'out' ? `-${relationship}->` : direction === 'in' ? `<-${relationship}-` : `-${relationship}-`;
  const countLimit = (input: Paging) => input.skip + input.limit + COUNT_AHEAD;
  return {
    cypher: fillCypherTemplate(cypherFile('neighbours/page.cypher'), { expand, degreePass: degreePass.slot() }),
    parameters: (id, input) => ({
      ...degreePass.parameters,
      id,
      labels: input.labels,
      datasets: input.datasets,
      skip: neo4j.int(input.skip),
      limit: neo4j.int(input.limit),
      // One more than the limit, to tell "exactly the limit" from "more".
      countUpTo: neo4j.int(countLimit(input) + 1),
    }),
    async read(tx, id, record, input) {
      const counted = toNumber(record.get('counted'));
      const collector = new GraphCollector();
      // The node first: the collector keeps insertion order, and edges name their ends by the collected nodes' ids.
      collector.add(record.get('n') as Neo4jNode);
      collector.add(record.get('neighbours') as Neo4jNode[]);
      collector.add(record.get('edges') as Relationship[]);
      const graph = collector.toGraph();
      const nodes = [graph.nodes[0]!, ...graph.nodes.slice(1).sort(byNameThenId)];
      return {
        nodes,
        edges: orderEdges(nodes, graph.edges),
        total: Math.min(counted, countLimit(input)),
        totalExact: counted <= countLimit(input),
        counts: countList(await readDegree(db, tx, record, id, timeoutMs)),
      };
    },
  };
}

/** One page of a node's relationships and their other ends, filtered by type, direction and neighbour label; 404 when unknown. */
export async function getNeighbours(db: Pick<Database, 'driver' | 'name'>, id: string, input: NeighboursInput, timeoutMs: number): Promise<NeighboursPage> {
  await assertKnownRelationshipTypes(db, input.types, 'types', timeoutMs);
  await assertKnownLabels(db, input.labels, 'labels', timeoutMs);
  const query = prepareNeighbours(db, input.types, input.direction, timeoutMs);
  // One statement, so the counts and the page describe the same state of the graph (but a hub's counts, read after).
  const page = await timedRead(
    db,
    timeoutMs,
    async (tx) => {
      const record = (await tx.run(query.cypher, query.parameters(id, input))).records[0];
      return record && query.read(tx, id, record, input);
    },
    { autoCommit: true },
  );
  if (!page) throw unknownNode(id);
  return page;
}

function byNameThenId(a: GraphNode, b: GraphNode): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Edges in the order of their neighbour in `nodes`, then by type and id, so equal requests give equal answers. */
function orderEdges(nodes: GraphNode[], edges: GraphEdge[]): GraphEdge[] {
  const position = new Map(nodes.map((node, index) => [node.id, index]));
  const neighbourPosition = (edge: GraphEdge): number => Math.max(position.get(edge.source) ?? 0, position.get(edge.target) ?? 0);
  return [...edges].sort(
    (a, b) => neighbourPosition(a) - neighbourPosition(b) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function countList(degree: DegreeByType): RelationshipCount[] {
  return Object.entries(degree).flatMap(([type, { in: incoming, out }]) => [
    ...(incoming > 0 ? [{ type, direction: 'in' as const, count: incoming }] : []),
    ...(out > 0 ? [{ type, direction: 'out' as const, count: out }] : []),
  ]);
}
