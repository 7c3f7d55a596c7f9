import type { Node as Neo4jNode } from 'neo4j-driver';
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

/** A node's relationship counts per type as Cypher for a query's `degrees` slot, and how to read the value back. */
export interface DegreeColumns {
  /** `[COUNT { (n)<-[:T]-() }, COUNT { (n)-[:T]->() }], …` over the node `n`, one pair per known type. */
  cypher: string;
  read(pairs: unknown): DegreeByType;
}

/**
 * The degree pairs for the schema's current relationship types, written into the query (quoted, from the
 * allow-list). The names are cached (see knownNames.ts), so a type another process creates is counted seconds later.
 */
export async function degreeColumns(db: Pick<Database, 'driver' | 'name'>, timeoutMs: number): Promise<DegreeColumns> {
  const types = (await knownNames(db, timeoutMs)).relationshipTypes;
  const cypher = types
    .map((type) => {
      const quoted = quoteIdentifier(type);
      return `[COUNT { (n)<-[:${quoted}]-() }, COUNT { (n)-[:${quoted}]->() }]`;
    })
    .join(', ');
  return {
    cypher,
    read(pairs) {
      const degree: DegreeByType = {};
      types.forEach((type, index) => {
        const [incoming = 0, outgoing = 0] = ((pairs as unknown[][])[index] ?? []).map(toNumber);
        if (incoming > 0 || outgoing > 0) degree[type] = { in: incoming, out: outgoing };
      });
      return degree;
    },
  };
}

/** The details query for the schema's current types; the bench's raw side runs the same reader. */
export async function prepareNodeDetails(db: Pick<Database, 'driver' | 'name'>, timeoutMs: number): Promise<NodeDetailsReader> {
  const degrees = await degreeColumns(db, timeoutMs);
  const cypher = fillCypherTemplate(cypherFile('nodes/details.cypher'), { degrees: degrees.cypher });
  return async (tx, id, datasets) => {
    const record = (await tx.run(cypher, { id, datasets })).records[0];
    if (!record) return undefined;
    return { node: toGraphNode(record.get('n') as Neo4jNode), degree: degrees.read(record.get('degrees')) };
  };
}

/** An entity by its dataset id, with its relationship counts per type and direction; 404 when unknown. */
export async function getNodeDetails(db: Pick<Database, 'driver' | 'name'>, id: string, datasets: string[], timeoutMs: number): Promise<NodeDetails> {
  const readDetails = await prepareNodeDetails(db, timeoutMs);
  const details = await timedRead(db, timeoutMs, (tx) => readDetails(tx, id, datasets), { autoCommit: true });
  if (!details) throw unknownNode(id);
  return details;
}

/** The 404 every node route answers for an id that is not in the graph. */
export function unknownNode(id: string): AppError {
  return new AppError(404, 'Unknown node', `No entity has the id "${id}".`);
}
