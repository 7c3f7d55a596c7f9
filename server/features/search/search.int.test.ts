import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import type { GraphNode } from '../../neo4j/graph.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, loadDataset } from '../load/load.service.js';

const db = openTestDatabase();
const peru = readDataset(path.join(projectRoot, 'data', 'peru'));
let app: RunningApp;
let baseUrl: string;

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, peru);
  // A generous time limit: the first request of each query shape is planned while other test servers share the CPU.
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
  baseUrl = app.base;
});

afterAll(async () => {
  await app.close();
  await db.close();
});

async function search(query: string): Promise<GraphNode[]> {
  const response = await fetch(`${baseUrl}/api/search?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: GraphNode[] }).results;
}

async function firstIds(q: string, count = 1): Promise<string[]> {
  return (await search(`q=${encodeURIComponent(q)}`)).slice(0, count).map((node) => node.id);
}

async function expectBadParameter(query: string, parameter: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/search?${query}`);
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await response.json()) as { type: string; title: string; status: number; detail: string };
  expect(problem.status).toBe(400);
  expect(problem.detail).toContain(`"${parameter}"`);
}

describe('GET /api/search finds an actor however the name is typed', () => {
  it.each([
    ['guzman', 'person:abimael-guzman'],
    ['Bazán', 'person:david-bazan-arevalo'],
    ['bazan', 'person:david-bazan-arevalo'],
    ['guzmn', 'person:abimael-guzman'],
    ['dirand', 'organization:dirandro'],
    ['Sendero', 'organization:shining-path'],
    ['Galvez Calle', 'person:gerson-galvez-calle'],
    ['CARACOL', 'person:gerson-galvez-calle'],
  ])('"%s" finds %s first', async (q, id) => {
    expect(await firstIds(q)).toEqual([id]);
  });

  it('finds every node by each of its searchNames, the standard spellings the article does not use', async () => {
    const misses: string[] = [];
    for (const node of peru.nodes) {
      for (const name of node.searchNames ?? []) {
        const [first] = await firstIds(name);
        if (first !== node.id) misses.push(`"${name}" → ${first ?? 'nothing'}, not ${node.id}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('answers nodes with id, labels, name and properties', async () => {
    const [node] = await search('q=Bazán&limit=1');
    expect(node).toMatchObject({
      id: 'person:david-bazan-arevalo',
      labels: expect.arrayContaining(['Entity', 'Person']),
      name: 'David Bazán Arévalo',
      properties: expect.objectContaining({ source: 'peru-organised-crime', aliases: expect.any(Array) }),
    });
  });
});

describe('GET /api/search ranks the exact name first', () => {
  it('puts the person named Balarezo before the Balarezo Gang and the events named after him', async () => {
    expect(await firstIds('Balarezo', 2)).toEqual(['person:balarezo', 'organization:balarezo-gang']);
  });

  it('puts Shining Path before the groups and events whose names contain it', async () => {
    const results = await search('q=shining%20path&limit=5');
    expect(results[0]!.id).toBe('organization:shining-path');
    expect(results.slice(1).every((node) => node.labels.includes('Event') || node.labels.includes('Group'))).toBe(true);
  });

  it('puts the location Peru before names that merely start with "peru"', async () => {
    expect(await firstIds('peru')).toEqual(['location:peru']);
  });
});

describe('GET /api/search filters and limits', () => {
  it('keeps only the requested labels', async () => {
    const results = await search('q=shining&labels=Event&limit=50');
    expect(results.length).toBeGreaterThan(3);
    expect(results.every((node) => node.labels.includes('Event'))).toBe(true);
  });

  it('accepts several labels', async () => {
    const results = await search('q=balarezo&labels=Person,Organization');
    expect(results.map((node) => node.id).sort()).toEqual(['organization:balarezo-gang', 'person:balarezo']);
  });

  it('returns at most limit results', async () => {
    expect(await search('q=peru&limit=3')).toHaveLength(3);
  });

  it('returns no results, not an error, when nothing matches', async () => {
    expect(await search('q=xylophonist')).toEqual([]);
  });

  it('treats Lucene syntax as plain text', async () => {
    expect((await search(`q=${encodeURIComponent('Guzman) OR name:*')}`))[0]!.id).toBe('person:abimael-guzman');
  });
});

describe('GET /api/search refuses bad parameters with a problem naming them', () => {
  it.each([
    ['', 'q'],
    ['q=', 'q'],
    ['q=%20%20', 'q'],
    ['q=%2A%3F', 'q'],
    ['q=peru&limit=0', 'limit'],
    ['q=peru&limit=51', 'limit'],
    ['q=peru&limit=ten', 'limit'],
    ['q=peru&labels=Person,Villain', 'labels'],
  ])('"%s" → 400 naming %s', async (query, parameter) => {
    await expectBadParameter(query, parameter);
  });
});

describe('GET /api/search tells namesakes apart', () => {
  type Hinted = GraphNode & { hint: string | null };

  it('gives each suggestion a hint from its description, so the two Guzmáns differ before one is picked', async () => {
    const results = (await search('q=guzman&limit=10')) as Hinted[];
    const abimael = results.find((node) => node.id === 'person:abimael-guzman')!;
    const namesake = results.find((node) => node.id !== abimael.id && /Guzmán/.test(node.name))!;
    expect(abimael.hint).toBe('Former leader of Shining Path');
    expect(namesake.hint).toBeTruthy();
    expect(namesake.hint).not.toBe(abimael.hint);
  });

  it('names the strongest link of an entity that has no description', async () => {
    const session = db.driver.session({ database: db.name });
    try {
      await session.run(
        `MATCH (sp:Entity {id: 'organization:shining-path'})
         CREATE (n:Entity:Person {id: 'person:undescribed-namesake', __nexo_id: 'person:undescribed-namesake', __nexo_dataset: 'peru', name: 'Undescribed Namesake', quotes: ['Test quote.'], source: 'test'})-[:MEMBER_OF {quotes: ['Test quote.'], source: 'test'}]->(sp)`,
      );
      const results = (await search('q=undescribed%20namesake')) as Hinted[];
      expect(results[0]).toMatchObject({ id: 'person:undescribed-namesake', hint: 'member of Shining Path' });
    } finally {
      await session.run(`MATCH (n:Entity {id: 'person:undescribed-namesake'}) DETACH DELETE n`);
      await session.close();
    }
  });

  it('names an incoming link only for an entity with no outgoing one, since any outgoing link reads better', async () => {
    const session = db.driver.session({ database: db.name });
    const quoted = "quotes: ['Test quote.'], source: 'test'";
    try {
      await session.run(
        `MATCH (guzman:Entity {id: 'person:abimael-guzman'}), (sp:Entity {id: 'organization:shining-path'})
         CREATE (called:Entity:Person {id: 'person:undescribed-called', __nexo_id: 'person:undescribed-called', __nexo_dataset: 'peru', name: 'Undescribed Called', ${quoted}})
         CREATE (both:Entity:Person {id: 'person:undescribed-both', __nexo_id: 'person:undescribed-both', __nexo_dataset: 'peru', name: 'Undescribed Both', ${quoted}})
         CREATE (guzman)-[:CALLED {${quoted}}]->(called)
         CREATE (guzman)-[:CALLED {${quoted}}]->(both)
         CREATE (both)-[:MEMBER_OF {${quoted}}]->(sp)`,
      );
      const hints = Object.fromEntries(((await search('q=undescribed')) as Hinted[]).map((node) => [node.id, node.hint]));
      expect(hints['person:undescribed-called']).toBe('←CALLED— Abimael Guzmán');
      expect(hints['person:undescribed-both']).toBe('member of Shining Path');
    } finally {
      await session.run(`MATCH (n:Entity) WHERE n.id IN ['person:undescribed-called', 'person:undescribed-both'] DETACH DELETE n`);
      await session.close();
    }
  });
});
