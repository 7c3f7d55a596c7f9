import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ID, loadPeruAndGeneratedGraph, ringId } from '../../../tests/support/generatedGraph.js';
import { openTestDatabase, readQuery } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { toNumber } from '../../neo4j/values.js';
import type { NodeDetails } from './nodes.service.js';

const db = openTestDatabase();
let app: RunningApp;
let baseUrl: string;

beforeAll(async () => {
  await loadPeruAndGeneratedGraph(db);
  await db.driver.executeQuery(
    "CREATE (:Entity:Person {id: 'person:loner', __nexo_id: 'person:loner', __nexo_dataset: 'peru', name: 'Loner'})",
    {},
    { database: db.name },
  );
  // A generous time limit: the first request of each query shape is planned while other test servers share the CPU.
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
  baseUrl = app.base;
});

afterAll(async () => {
  await app.close();
  await db.close();
});

/** The degree per type and direction, counted by reading every relationship of the node. */
async function degreeCountedInCypher(id: string): Promise<NodeDetails['degree']> {
  const { records } = await readQuery(db, 'MATCH (n:Entity {id: $id})-[r]-() RETURN type(r) AS type, startNode(r) = n AS outgoing, count(*) AS count', { id });
  const degree: NodeDetails['degree'] = {};
  for (const record of records) {
    const type = record.get('type') as string;
    degree[type] ??= { in: 0, out: 0 };
    degree[type][record.get('outgoing') ? 'out' : 'in'] = toNumber(record.get('count'));
  }
  return degree;
}

describe('GET /api/nodes/:id', () => {
  it('answers the entity as an API node: the internal keys out of the properties, the data id in them', async () => {
    const response = await fetch(`${baseUrl}/api/nodes/person:abimael-guzman`);
    expect(response.status).toBe(200);
    const { node } = (await response.json()) as NodeDetails;
    expect(node).toMatchObject({ id: 'person:abimael-guzman', name: 'Abimael Guzmán', labels: expect.arrayContaining(['Entity', 'Person']) });
    expect(node.properties).toMatchObject({ aliases: ['Abimael Guzman', 'Guzman'], source: 'peru-organised-crime' });
    expect(node.properties.id).toBe('person:abimael-guzman');
    expect(Object.keys(node.properties).filter((key) => key.startsWith('__nexo'))).toEqual([]);
  });

  it.each(['organization:shining-path', 'location:peru', 'person:david-bazan-arevalo', HUB_ID, ringId(0)])(
    'gives the degree of %s per type and direction as Cypher counts it',
    async (id) => {
      const response = await fetch(`${baseUrl}/api/nodes/${encodeURIComponent(id)}`);
      const { degree } = (await response.json()) as NodeDetails;
      expect(degree).toEqual(await degreeCountedInCypher(id));
    },
  );

  it('gives the generated hub its 3,300 relationships by type', async () => {
    const { degree } = (await (await fetch(`${baseUrl}/api/nodes/${HUB_ID}`)).json()) as NodeDetails;
    expect(degree).toEqual({ CALLED: { in: 0, out: 750 }, MET: { in: 750, out: 750 }, PAID: { in: 1050, out: 0 } });
  });

  it('counts a relationship type created after its first answer, with no wait for the cached type names', async () => {
    const id = 'person:david-bazan-arevalo';
    await fetch(`${baseUrl}/api/nodes/${encodeURIComponent(id)}`);
    await db.driver.executeQuery(
      "MATCH (n:Entity {id: $id}), (m:Entity {id: 'organization:shining-path'}) CREATE (n)-[:BRAND_NEW_TIE {quotes: ['Test quote.'], source: 'test'}]->(m)",
      { id },
      { database: db.name },
    );
    try {
      const { degree } = (await (await fetch(`${baseUrl}/api/nodes/${encodeURIComponent(id)}`)).json()) as NodeDetails;
      expect(degree.BRAND_NEW_TIE).toEqual({ in: 0, out: 1 });
      expect(degree).toEqual(await degreeCountedInCypher(id));
    } finally {
      await db.driver.executeQuery('MATCH ()-[r:BRAND_NEW_TIE]->() DELETE r', {}, { database: db.name });
    }
  });

  it('gives an empty degree to a node without relationships', async () => {
    const { degree } = (await (await fetch(`${baseUrl}/api/nodes/person:loner`)).json()) as NodeDetails;
    expect(degree).toEqual({});
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const response = await fetch(`${baseUrl}/api/nodes/person:nobody`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 404, title: 'Unknown node', type: expect.any(String) });
    expect(problem.detail).toContain('person:nobody');
  });
});
