import type { Node as Neo4jNode, Relationship } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import type { Database } from '../../neo4j/database.js';
import { GraphCollector, type Graph } from '../../neo4j/graph.js';
import { timedRead } from '../../neo4j/timedRead.js';

/**
 * The entities with these ids and all relationships among them, so links between separately expanded nodes can
 * be drawn. Ids that name no entity are left out, not an error: a client may hold nodes deleted since.
 * Nodes come in the order of `ids`, edges ordered by id.
 */
export async function getSubgraph(db: Pick<Database, 'driver' | 'name'>, ids: string[], datasets: string[], timeoutMs: number): Promise<Graph> {
  const distinctIds = [...new Set(ids)];
  const records = await timedRead(db, timeoutMs, async (tx) => {
    return (await tx.run(cypherFile('subgraph/among.cypher'), { ids: distinctIds, datasets })).records;
  });
  const collector = new GraphCollector();
  for (const record of records) collector.add(record.get('a') as Neo4jNode);
  for (const record of records) collector.add(record.get('outgoing') as Relationship[]);
  const graph = collector.toGraph();
  const position = new Map(distinctIds.map((id, index) => [id, index]));
  return {
    nodes: graph.nodes.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)),
    edges: graph.edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
