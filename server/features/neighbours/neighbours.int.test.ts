import type { ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ID, HUB_NEIGHBOURS, loadPeruAndGeneratedGraph, neighbourId } from '../../../tests/support/generatedGraph.js';
import { openTestDatabase, readQuery } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { toNumber } from '../../neo4j/values.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { COUNT_AHEAD, prepareNeighbours, type NeighboursPage } from './neighbours.service.js';

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

async function neighbours(id: string, query = ''): Promise<NeighboursPage> {
  const response = await fetch(`${baseUrl}/api/nodes/${encodeURIComponent(id)}/neighbours?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as NeighboursPage;
}

/** The hub's relationships: every neighbour once, one in ten (the PAID ones) twice. */
const HUB_RELATIONSHIPS = 3300;

/** Ids of the relationships matching a filter, found by Cypher independently of the service. */
async function relationshipIdsInCypher(id: string, pattern: string, labels: string[] = []): Promise<string[]> {
  const named = pattern.includes('[') ? pattern.replace('[', '[r') : pattern.replace(/^(<?-)-/, '$1[r]-');
  const { records } = await readQuery(
    db,
    `MATCH (n:Entity {id: $id})${named}(m) WHERE m <> n AND (size($labels) = 0 OR any(l IN labels(m) WHERE l IN $labels)) RETURN r.id AS id`,
    { id, labels },
  );
  return records.map((record) => record.get('id') as string).sort();
}

/** Distinct neighbour ids matching a filter, found by Cypher independently of the service. */
async function neighbourIdsInCypher(id: string, pattern: string, labels: string[] = []): Promise<string[]> {
  const { records } = await readQuery(
    db,
    `MATCH (n:Entity {id: $id})${pattern}(m) WHERE size($labels) = 0 OR any(l IN labels(m) WHERE l IN $labels) RETURN DISTINCT m.id AS id`,
    { id, labels },
  );
  return records.map((record) => record.get('id') as string).sort();
}

describe('GET /api/nodes/:id/neighbours on a hub of 3,000 neighbours and 3,300 relationships', () => {
  it('serves all relationships in disjoint pages whose union is every relationship and every neighbour', async () => {
    const edges: string[] = [];
    const seen = new Set<string>();
    let total = -1;
    for (let skip = 0; skip < HUB_RELATIONSHIPS; skip += 500) {
      const page = await neighbours(HUB_ID, `limit=500&skip=${skip}`);
      expect(page.nodes[0]!.id).toBe(HUB_ID);
      expect(page.edges).toHaveLength(Math.min(500, HUB_RELATIONSHIPS - skip));
      const pageNeighbours = page.nodes.slice(1).map((node) => node.id);
      expect(new Set(pageNeighbours).size).toBe(pageNeighbours.length);
      // The page's nodes are exactly the other ends of its relationships.
      expect([...pageNeighbours].sort()).toEqual([...new Set(page.edges.map((edge) => (edge.source === HUB_ID ? edge.target : edge.source)))].sort());
      edges.push(...page.edges.map((edge) => edge.id));
      pageNeighbours.forEach((id) => seen.add(id));
      total = page.total;
      expect(page.totalExact).toBe(skip + 500 + COUNT_AHEAD >= HUB_RELATIONSHIPS);
    }
    expect(total).toBe(HUB_RELATIONSHIPS);
    expect(new Set(edges).size).toBe(edges.length);
    const { records } = await readQuery(db, 'MATCH (:Entity {id: $hub})-[r]-() RETURN r.id AS id', { hub: HUB_ID });
    expect([...edges].sort()).toEqual(records.map((record) => record.get('id') as string).sort());
    expect([...seen].sort()).toEqual(await neighbourIdsInCypher(HUB_ID, '--'));
    const after = await neighbours(HUB_ID, `limit=500&skip=${HUB_RELATIONSHIPS}`);
    expect(after.nodes.map((node) => node.id)).toEqual([HUB_ID]);
    expect(after.edges).toEqual([]);
  });

  it('sorts each page by name, then id for equal names', async () => {
    for (let skip = 0; skip < HUB_NEIGHBOURS; skip += 500) {
      const page = await neighbours(HUB_ID, `limit=500&skip=${skip}`);
      const keys = page.nodes.slice(1).map((node) => [node.name, node.id] as const);
      const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
      expect(keys).toEqual(sorted);
    }
  });

  it("gives each neighbour of the page once, with the page's relationships to it", async () => {
    const page = await neighbours(HUB_ID, 'limit=100');
    const ids = page.nodes.slice(1).map((node) => node.id);
    expect(page.edges).toHaveLength(100);
    for (const edge of page.edges) {
      expect([edge.source, edge.target]).toContain(HUB_ID);
      expect(ids).toContain(edge.source === HUB_ID ? edge.target : edge.source);
    }
    const { records } = await readQuery(db, 'MATCH (:Entity {id: $hub})-[r]-(m) WHERE r.id IN $edges RETURN m.id AS id', {
      hub: HUB_ID,
      edges: page.edges.map((edge) => edge.id),
    });
    expect(records.map((record) => record.get('id') as string).sort()).toEqual([...new Set(ids)].sort());
  });

  it("counts all the hub's relationships by type and direction, whatever the filters", async () => {
    const expected = [
      { type: 'CALLED', direction: 'out', count: 750 },
      { type: 'MET', direction: 'in', count: 750 },
      { type: 'MET', direction: 'out', count: 750 },
      { type: 'PAID', direction: 'in', count: 1050 },
    ];
    expect((await neighbours(HUB_ID, 'limit=1')).counts).toEqual(expected);
    expect((await neighbours(HUB_ID, 'types=CALLED&direction=out&labels=Location&limit=1')).counts).toEqual(expected);
  });

  it.each([
    ['types=PAID', '-[:PAID]-', []],
    ['types=MET', '-[:MET]-', []],
    ['types=CALLED,PAID', '-[:CALLED|PAID]-', []],
    ['direction=out', '-->', []],
    ['direction=in', '<--', []],
    ['labels=Location', '--', ['Location']],
    ['labels=Person,Organization', '--', ['Person', 'Organization']],
    ['types=MET&direction=in&labels=Person', '<-[:MET]-', ['Person']],
    ['types=PAID&direction=out', '-[:PAID]->', []],
  ] as const)('with %s gives the total and relationships Cypher finds independently', async (query, pattern, labels) => {
    const expected = await relationshipIdsInCypher(HUB_ID, pattern, [...labels]);
    const page = await neighbours(HUB_ID, `${query}&limit=500`);
    // Counted exactly up to COUNT_AHEAD past the page; beyond that, "more than" the count limit.
    const countLimit = 500 + COUNT_AHEAD;
    expect(page.totalExact).toBe(expected.length <= countLimit);
    expect(page.total).toBe(Math.min(expected.length, countLimit));
    expect(page.edges).toHaveLength(Math.min(500, expected.length));
    expect(page.edges.every((edge) => expected.includes(edge.id))).toBe(true);
    const expectedNeighbours = await neighbourIdsInCypher(HUB_ID, pattern, [...labels]);
    expect(page.nodes.slice(1).every((node) => expectedNeighbours.includes(node.id))).toBe(true);
  });

  /** Rows of every Expand(All) in the plan of one neighbours page of the hub. */
  async function expandedRows(types: string[], direction: 'in' | 'out' | 'both', limit: number): Promise<number[]> {
    const query = prepareNeighbours(db, types, direction, 30_000);
    const { summary } = await db.driver.executeQuery(
      `PROFILE ${query.cypher}`,
      query.parameters(HUB_ID, { labels: [], skip: 0, limit, datasets: await visibleDatasets(db, [], 30_000) }),
      {
        database: db.name,
      },
    );
    const expansions: number[] = [];
    const walk = (operator: ProfiledPlan): void => {
      if (operator.operatorType.startsWith('Expand(All)')) expansions.push(operator.rows);
      operator.children.forEach(walk);
    };
    walk(summary.profile as ProfiledPlan);
    return expansions;
  }

  it("reads only the hub's relationships of the requested type and direction, not all 3,300", async () => {
    const expansions = await expandedRows(['CALLED'], 'out', 50);
    expect(expansions.length).toBeGreaterThan(0);
    expect(Math.max(...expansions)).toBeLessThanOrEqual(750);
  });

  it("reads about a page of the hub's relationships for its first page, not all 3,300, and says the total is a lower bound", async () => {
    // The page's own expansion stops after 10 relationships; the count stops COUNT_AHEAD relationships later.
    // The degree pass does not run for a hub (its Expand(All) reads no row): its counts come from the degree store.
    const expansions = (await expandedRows([], 'both', 10)).filter((rows) => rows > 0);
    expect(expansions).toHaveLength(2);
    const [paging, counting] = expansions.sort((a, b) => a - b);
    expect(paging).toBeLessThan(50);
    expect(counting).toBeLessThan(COUNT_AHEAD * 1.5);
    const page = await neighbours(HUB_ID, 'limit=10');
    expect(page).toMatchObject({ total: 10 + COUNT_AHEAD, totalExact: false });
  });

  it('keeps only edges of the requested types and direction', async () => {
    const page = await neighbours(HUB_ID, 'types=PAID&direction=in&limit=50');
    expect(page.edges.length).toBeGreaterThan(0);
    expect(page.edges.every((edge) => edge.type === 'PAID' && edge.target === HUB_ID)).toBe(true);
  });
});

describe('GET /api/nodes/:id/neighbours on the Peru network', () => {
  it('shows a neighbour linked two ways once, with its two edges', async () => {
    const page = await neighbours('organization:shining-path', 'limit=500');
    // Bazán Arévalo financed Shining Path and supplied it with weapons.
    expect(page.nodes.filter((node) => node.id === 'person:david-bazan-arevalo')).toHaveLength(1);
    const toBazan = page.edges.filter((edge) => [edge.source, edge.target].includes('person:david-bazan-arevalo'));
    expect(toBazan.map((edge) => edge.type).sort()).toEqual(['FINANCED', 'SUPPLIED_WEAPONS_TO']);
    expect(page.total).toBe((await relationshipIdsInCypher('organization:shining-path', '--')).length);
  });

  it('answers edges whose ends are dataset ids', async () => {
    const page = await neighbours('person:abimael-guzman');
    expect(page.edges).toContainEqual(expect.objectContaining({ type: 'LEADER_OF', source: 'person:abimael-guzman', target: 'organization:shining-path' }));
  });

  it('when the person has no links, returns the person alone with total 0', async () => {
    expect(await neighbours('person:loner')).toEqual({
      nodes: [expect.objectContaining({ id: 'person:loner' })],
      edges: [],
      total: 0,
      totalExact: true,
      counts: [],
    });
  });
});

describe('GET /api/nodes/:id/neighbours refuses what it cannot answer', () => {
  it('answers 404 problem+json for an unknown node', async () => {
    const response = await fetch(`${baseUrl}/api/nodes/person:nobody/neighbours`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    ['types=PAID,BRIBED', 'types'],
    ['types=PAID%60%5D-()%20DETACH%20DELETE%20n%20//', 'types'],
    ['labels=Villain', 'labels'],
    ['direction=sideways', 'direction'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['skip=-1', 'skip'],
    ['skip=1.5', 'skip'],
  ])('"%s" → 400 naming %s', async (query, parameter) => {
    const response = await fetch(`${baseUrl}/api/nodes/${HUB_ID}/neighbours?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { detail: string };
    expect(problem.detail).toContain(`"${parameter}"`);
  });

  it('leaves the graph unchanged after an injection attempt in types', async () => {
    const { records } = await readQuery(db, 'MATCH (n:Entity {id: $id}) RETURN COUNT { (n)--() } AS degree', { id: neighbourId(0) });
    expect(toNumber(records[0]!.get('degree'))).toBe(3);
  });
});
