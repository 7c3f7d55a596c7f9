import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ID, loadPeruAndGeneratedGraph } from '../../../tests/support/generatedGraph.js';
import { emptyDatabase, openTestDatabase, readQuery } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { toNumber } from '../../neo4j/values.js';

const db = openTestDatabase();
let app: RunningApp;
let baseUrl: string;

/** Every entity's degree, counted independently by reading its relationships. */
async function degreesByCypher(): Promise<Map<string, number>> {
  const { records } = await readQuery(db, 'MATCH (n:Entity) OPTIONAL MATCH (n)-[r]-() RETURN n.id AS id, count(r) AS degree');
  return new Map(records.map((record) => [record.get('id') as string, toNumber(record.get('degree'))]));
}

beforeAll(async () => {
  await loadPeruAndGeneratedGraph(db);
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
  baseUrl = app.base;
});

afterAll(async () => {
  await app.close();
  await emptyDatabase(db);
  await db.close();
});

describe('POST /api/degrees', () => {
  it('gives each known id its total number of relationships and leaves unknown ids out', async () => {
    const expected = await degreesByCypher();
    const ids = ['person:abimael-guzman', 'organization:shining-path', HUB_ID, 'person:nobody'];
    const response = await fetch(`${baseUrl}/api/degrees`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids }),
    });
    expect(response.status).toBe(200);
    const { degrees } = (await response.json()) as { degrees: Record<string, number> };
    expect(degrees).toEqual({
      'person:abimael-guzman': expected.get('person:abimael-guzman'),
      'organization:shining-path': expected.get('organization:shining-path'),
      [HUB_ID]: expected.get(HUB_ID),
    });
  });

  it('answers 400 naming ids when the list is empty', async () => {
    const response = await fetch(`${baseUrl}/api/degrees`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ids":[]}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/ids/);
  });
});

describe('GET /api/most-connected', () => {
  it('ranks entities by degree, highest first, as an independent count does', async () => {
    const expected = [...(await degreesByCypher()).values()].sort((a, b) => b - a).slice(0, 5);
    const response = await fetch(`${baseUrl}/api/most-connected?limit=5`);
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { node: { id: string; name: string }; degree: number }[] };
    expect(results.map((result) => result.degree)).toEqual(expected);
    expect(results[0]!.node.id).toBe(HUB_ID);
    expect(results.every((result) => result.node.name.length > 0)).toBe(true);
  });

  it('answers 400 naming limit when it is out of range', async () => {
    const response = await fetch(`${baseUrl}/api/most-connected?limit=1000`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/limit/);
  });
});
