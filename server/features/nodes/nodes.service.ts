import type { ManagedTransaction, Node as Neo4jNode } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { toGraphNode, type GraphNode } from '../../neo4j/graph.js';
import { toNumber } from '../../neo4j/values.js';
import { fillCypherTemplate, quoteIdentifier } from '../schema/cypherIdentifiers.js';
import { getSchema } from '../schema/schema.service.js';
import { timedRead } from '../schema/timedRead.js';

/** Relationship counts of one node by type: `{ LEADER_OF: { in: 0, out: 1 } }`; types it lacks are left out. */
export type DegreeByType = Record<string, { in: number; out: number }>;

export interface NodeDetails {
  node: GraphNode;
  degree: DegreeByType;
}

/** Reads one node's details inside a caller's transaction; undefined when no entity has the id. */
export type NodeDetailsReader = (tx: ManagedTransaction, id: string) => Promise<NodeDetails | undefined>;

/** The relationship types of the schema, sorted: the allow-list degree queries are written from. */
async function knownRelationshipTypes(db: Pick<Database, 'driver' | 'name'>): Promise<string[]> {
  return (await getSchema(db)).relationshipTypes.map((type) => type.name);
}

/**
 * Prepares the degree query for the schema's current relationship types; the types are written into the query
 * (quoted), and the schema is cached for seconds, so a type created since then is counted a few seconds later.
 */
export async function prepareNodeDetails(db: Pick<Database, 'driver' | 'name'>): Promise<NodeDetailsReader> {
  const types = await knownRelationshipTypes(db);
  const degrees = types
    .map((type) => {
      const quoted = quoteIdentifier(type);
      return `[COUNT { (n)<-[:${quoted}]-() }, COUNT { (n)-[:${quoted}]->() }]`;
    })
    .join(', ');
  const cypher = fillCypherTemplate(cypherFile('nodes/details.cypher'), { degrees });
  return async (tx, id) => {
    const record = (await tx.run(cypher, { id })).records[0];
    if (!record) return undefined;
    const pairs = record.get('degrees') as unknown[][];
    const degree: DegreeByType = {};
    types.forEach((type, index) => {
      const [incoming = 0, outgoing = 0] = (pairs[index] ?? []).map(toNumber);
      if (incoming > 0 || outgoing > 0) degree[type] = { in: incoming, out: outgoing };
    });
    return { node: toGraphNode(record.get('n') as Neo4jNode), degree };
  };
}

/** An entity by its dataset id, with its relationship counts per type and direction; 404 when unknown. */
export async function getNodeDetails(db: Pick<Database, 'driver' | 'name'>, id: string, timeoutMs: number): Promise<NodeDetails> {
  const readDetails = await prepareNodeDetails(db);
  const details = await timedRead(db, timeoutMs, (tx) => readDetails(tx, id));
  if (!details) throw unknownNode(id);
  return details;
}

/** The 404 every node route answers for an id that is not in the graph. */
export function unknownNode(id: string): AppError {
  return new AppError(404, 'Unknown node', `No entity has the id "${id}".`);
}
