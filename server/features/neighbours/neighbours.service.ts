import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { GraphCollector, type GraphEdge, type GraphNode } from '../../neo4j/graph.js';
import { toNumber } from '../../neo4j/values.js';
import { prepareNodeDetails, unknownNode, type DegreeByType } from '../nodes/nodes.service.js';
import { fillCypherTemplate, quoteIdentifier } from '../schema/cypherIdentifiers.js';
import { assertKnownLabels, assertKnownRelationshipTypes } from '../schema/schema.service.js';
import { timedRead } from '../schema/timedRead.js';

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
}

export interface RelationshipCount {
  type: string;
  direction: 'in' | 'out';
  count: number;
}

export interface NeighboursPage {
  /** The node itself first, then the page's neighbours by name then id. */
  nodes: GraphNode[];
  /** Every matching relationship between the node and the page's neighbours. */
  edges: GraphEdge[];
  /** Distinct neighbours matching the filters, before paging. */
  total: number;
  /** All the node's relationships by type and direction, whatever the filters. */
  counts: RelationshipCount[];
}

/** One page of a node's neighbours, filtered by relationship type, direction and neighbour label; 404 when unknown. */
export async function getNeighbours(
  db: Pick<Database, 'driver' | 'name'>,
  id: string,
  input: NeighboursInput,
  timeoutMs: number,
): Promise<NeighboursPage> {
  await assertKnownRelationshipTypes(db, input.types, 'types');
  await assertKnownLabels(db, input.labels, 'labels');
  const readDetails = await prepareNodeDetails(db);
  const cypher = neighboursCypher(input.types, input.direction);
  // One transaction, so the counts and the page describe the same state of the graph.
  const answer = await timedRead(db, timeoutMs, async (tx) => {
    const details = await readDetails(tx, id);
    if (!details) return undefined;
    const parameters = { id, labels: input.labels, skip: neo4j.int(input.skip), limit: neo4j.int(input.limit) };
    const record = (await tx.run(cypher, parameters)).records[0]!;
    return { details, record };
  });
  if (!answer) throw unknownNode(id);

  const { details, record } = answer;
  const collector = new GraphCollector();
  // The node first: the collector keeps insertion order, and edges name their ends by the collected nodes' ids.
  collector.add(record.get('n') as Neo4jNode);
  collector.add(record.get('neighbours') as Neo4jNode[]);
  collector.add(record.get('edges') as Relationship[]);
  const graph = collector.toGraph();
  return {
    nodes: graph.nodes,
    edges: orderEdges(graph.nodes, graph.edges),
    total: toNumber(record.get('total')),
    counts: countList(details.degree),
  };
}

/** The page query for these types (already checked against the schema) and this direction. */
export function neighboursCypher(types: readonly string[], direction: Direction): string {
  const typeExpression = types.length > 0 ? `:${types.map(quoteIdentifier).join('|')}` : '';
  const relationship = `[r${typeExpression}]`;
  const expand = direction === 'out' ? `-${relationship}->` : direction === 'in' ? `<-${relationship}-` : `-${relationship}-`;
  return fillCypherTemplate(cypherFile('neighbours/page.cypher'), { expand });
}

/** Edges in the order of their neighbour in `nodes`, then by type and id, so equal requests give equal answers. */
function orderEdges(nodes: GraphNode[], edges: GraphEdge[]): GraphEdge[] {
  const position = new Map(nodes.map((node, index) => [node.id, index]));
  const neighbourPosition = (edge: GraphEdge): number =>
    Math.max(position.get(edge.source) ?? 0, position.get(edge.target) ?? 0);
  return [...edges].sort(
    (a, b) =>
      neighbourPosition(a) - neighbourPosition(b) ||
      (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function countList(degree: DegreeByType): RelationshipCount[] {
  return Object.entries(degree).flatMap(([type, { in: incoming, out }]) => [
    ...(incoming > 0 ? [{ type, direction: 'in' as const, count: incoming }] : []),
    ...(out > 0 ? [{ type, direction: 'out' as const, count: out }] : []),
  ]);
}
