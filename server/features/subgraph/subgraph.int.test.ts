import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ID, loadPeruAndGeneratedGraph, neighbourId, ringId, RING_SIZE } from '../../../tests/support/generatedGraph.js';
import { openTestDatabase, readQuery } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import type { Graph } from '../../neo4j/graph.js';

const db = openTestDatabase();
let app: RunningApp;
let baseUrl: string;

beforeAll(async () => {
  await loadPeruAndGeneratedGraph(db);
  // A generous time limit: the first request of each query shape is planned while other test servers share the CPU.
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
  baseUrl = app.base;
});

afterAll(async () => {
  await app.close();
  await db.close();
});

function post(body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/subgraph`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function subgraph(ids: string[]): Promise<Graph> {
  const response = await post({ ids });
  expect(response.status).toBe(200);
  return (await response.json()) as Graph;
}

/** Ids of the relationships with both ends among `ids`, found by Cypher independently of the service. */
async function edgeIdsAmong(ids: string[]): Promise<string[]> {
  const { records } = await readQuery(db, 'MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id ORDER BY id', { ids });
  return records.map((record) => record.get('id') as string);
}

describe('POST /api/subgraph', () => {
  it('returns the nodes and exactly the relationships among them in the Peru network', async () => {
    const ids = [
      'person:abimael-guzman',
      'organization:shining-path',
      'organization:movadef',
      'organization:peruvian-police',
      'location:peru',
      'location:tocache',
      'person:david-bazan-arevalo',
    ];
    const graph = await subgraph(ids);
    expect(graph.nodes.map((node) => node.id)).toEqual(ids);
    const edgeIds = graph.edges.map((edge) => edge.id);
    expect(edgeIds).toEqual(await edgeIdsAmong(ids));
    expect(edgeIds.length).toBeGreaterThan(5);
    for (const edge of graph.edges) {
      expect(ids).toContain(edge.source);
      expect(ids).toContain(edge.target);
    }
  });

  it('draws the link between two nodes expanded separately', async () => {
    const graph = await subgraph([ringId(0), neighbourId(0)]);
    expect(graph.edges).toEqual([expect.objectContaining({ type: 'KNOWS', source: ringId(0), target: neighbourId(0) })]);
  });

  it('finds every relationship among a hub, 1,000 of its neighbours and a ring', async () => {
    const ids = [HUB_ID, ...Array.from({ length: 1000 }, (_, i) => neighbourId(i * 3)), ...Array.from({ length: RING_SIZE }, (_, i) => ringId(i))];
    const graph = await subgraph(ids);
    expect(graph.nodes).toHaveLength(ids.length);
    expect(graph.edges.map((edge) => edge.id)).toEqual(await edgeIdsAmong(ids));
  });

  it('leaves out ids that name no entity, and repeated ids, without an error', async () => {
    const graph = await subgraph(['person:abimael-guzman', 'person:nobody', 'organization:shining-path', 'person:abimael-guzman']);
    expect(graph.nodes.map((node) => node.id)).toEqual(['person:abimael-guzman', 'organization:shining-path']);
    expect(graph.edges.map((edge) => edge.type)).toEqual(['LEADER_OF']);
  });

  it('returns a node alone when it has no relationship among the ids', async () => {
    expect(await subgraph(['location:italy'])).toEqual({ nodes: [expect.objectContaining({ id: 'location:italy' })], edges: [] });
  });

  it.each([
    [{}, 'ids'],
    [{ ids: [] }, 'ids'],
    [{ ids: 'person:abimael-guzman' }, 'ids'],
    [{ ids: [42] }, 'ids.0'],
    [{ ids: [''] }, 'ids.0'],
    [{ ids: Array.from({ length: 2001 }, (_, i) => `person:p${i}`) }, 'ids'],
  ])('refuses %j with a 400 naming %s', async (body, parameter) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toContain(`"${parameter}"`);
  });

  it('refuses a body that is not JSON with a 400', async () => {
    const response = await fetch(`${baseUrl}/api/subgraph`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ids:' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
