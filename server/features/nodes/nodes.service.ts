import neo4j, { type Node as Neo4jNode, type Record as Neo4jRecord } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { toGraphNode, type GraphNode } from '../../neo4j/graph.js';
import { toNumber } from '../../neo4j/values.js';
import { fillCypherTemplate, quoteIdentifier } from '../../neo4j/cypherIdentifiers.js';
import { knownNames } from '../../neo4j/knownNames.js';
import { timedRead, type StatementRunner } from '../../neo4j/timedRead.js';

/** Relationship counts of one node by type: `{ LEADER_OF: { in: 0, out: 1 } }`; types it lacks are left out. */
export type DegreeByType = Record<string, { in: number; out: number }>;

export interface NodeDetails {
  node: GraphNode;
  degree: DegreeByType;
}

/** Reads one node's details inside a caller's transaction; undefined when no entity has the id. */
export type NodeDetailsReader = (tx: StatementRunner, id: string, datasets: string[]) => Promise<NodeDetails | undefined>;

/**
 * Relationships a node may have for its degree to be counted by reading them (degreePass.cypher): a pass over 1,000
 * takes about a millisecond; a hub past it is counted per type from the degree store instead (typeDegree.cypher).
 */
export const DEGREE_PASS_UP_TO = 1000;

/** Relationship types counted per statement for a hub (typeDegree.cypher): 45 for Peru take 6 statements. */
const TYPES_PER_STATEMENT = 8;

/** The degreePass slot and its parameter, for a query over the node `n` that returns its `incoming` and `outgoing`. */
export const degreePass = {
  slot: () => cypherFile('nodes/degreePass.cypher'),
  parameters: { passUpTo: neo4j.int(DEGREE_PASS_UP_TO) },
};

/**
 * The degree of the node `id` from a record of a query with the degreePass slot; for a hub, whose pass did not run,
 * small statements over the relationship types the schema knows (names cached, see knownNames.ts), in `tx`.
 */
export async function readDegree(
  db: Pick<Database, 'driver' | 'name'>,
  tx: StatementRunner,
  record: Neo4jRecord,
  id: string,
  timeoutMs: number,
): Promise<DegreeByType> {
  const incoming = record.get('incoming') as [string, unknown][] | null;
  const outgoing = record.get('outgoing') as [string, unknown][] | null;
  const counts: [string, 'in' | 'out', number][] = [];
  if (incoming && outgoing) {
    for (const [type, count] of incoming) counts.push([type, 'in', toNumber(count)]);
    for (const [type, count] of outgoing) counts.push([type, 'out', toNumber(count)]);
  } else {
    const types = (await knownNames(db, timeoutMs)).relationshipTypes;
    for (let start = 0; start < types.length; start += TYPES_PER_STATEMENT) {
      const chunk = types.slice(start, start + TYPES_PER_STATEMENT);
      const pairs = chunk.map((type) => `[COUNT { (n)<-[:${quoteIdentifier(type)}]-() }, COUNT { (n)-[:${quoteIdentifier(type)}]->() }]`).join(', ');
      const row = (await tx.run(fillCypherTemplate(cypherFile('nodes/typeDegree.cypher'), { pairs }), { id })).records[0];
      ((row?.get('pairs') ?? []) as unknown[][]).forEach(([incoming, outgoing], index) =>
        counts.push([chunk[index]!, 'in', toNumber(incoming)], [chunk[index]!, 'out', toNumber(outgoing)]),
      );
    }
  }
  const degree: DegreeByType = {};
  for (const [type, direction, count] of counts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count === 0) continue;
    degree[type] ??= { in: 0, out: 0 };
    degree[type][direction] = count;
  }
  return degree;
}

const detailsCypher = () => fillCypherTemplate(cypherFile('nodes/details.cypher'), { degreePass: degreePass.slot() });

/** Reads one node's details inside a caller's transaction; the bench's raw side runs it too. */
export function readNodeDetails(db: Pick<Database, 'driver' | 'name'>, timeoutMs: number): NodeDetailsReader {
  return async (tx, id, datasets) => {
    const record = (await tx.run(detailsCypher(), { id, datasets, ...degreePass.parameters })).records[0];
    if (!record) return undefined;
    return { node: toGraphNode(record.get('n') as Neo4jNode), degree: await readDegree(db, tx, record, id, timeoutMs) };
  };
}

/** An entity by its dataset id, with its relationship counts per type and direction; 404 when unknown. */
export async function getNodeDetails(db: Pick<Database, 'driver' | 'name'>, id: string, datasets: string[], timeoutMs: number): Promise<NodeDetails> {
  const details = await timedRead(db, timeoutMs, (tx) => readNodeDetails(db, timeoutMs)(tx, id, datasets), { autoCommit: true });
  if (!details) throw unknownNode(id);
  return details;
}

/** The 404 every node route answers for an id that is not in the graph. */
export function unknownNode(id: string): AppError {
  return new AppError(404, 'Unknown node', `No entity has the id "${id}".`);
}
