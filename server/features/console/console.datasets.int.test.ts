import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { importNetwork } from '../datasets/importNetwork.js';
import { tempFolder } from '../import/formats/testing.js';
import { applySchema } from '../load/load.service.js';

const db = openTestDatabase();
let app: RunningApp;

// Two datasets from the same files: the same ids (a, b, c), the same names, the same ties a → b → c.
const files = {
  'nodes.csv': 'id,label,name\na,Person,Ana\nb,Person,Bruno\nc,Phone,555-0101\n',
  'ties.csv': 'source,target,type\na,b,KNOWS\nb,c,CALLED\n',
};

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  const folder = tempFolder(files);
  await importNetwork(db, { dataset: 'north', input: folder }, () => undefined);
  await importNetwork(db, { dataset: 'south', input: folder }, () => undefined);
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
});

afterAll(async () => {
  await app.close();
  await db.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers checked field by field
type Json = any;

async function query(cypher: string, dataset?: string, params?: Record<string, unknown>): Promise<{ status: number; type: string; body: Json }> {
  const response = await fetch(`${app.base}/api/query${dataset === undefined ? '' : `?dataset=${dataset}`}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cypher, ...(params ? { params } : {}) }),
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Json };
}

describe('the console within datasets', () => {
  it('withholds the nodes of other datasets from the rows and the graph, and says how many', async () => {
    const { status, body } = await query('MATCH (n:Entity) RETURN n ORDER BY n.__nexo_id', 'north');
    expect(status).toBe(200);
    expect(body.rows.map((row: Json[]) => row[0]?.id ?? null)).toEqual(['north::a', 'north::b', 'north::c', null, null, null]);
    expect(body.graph.nodes.map((node: Json) => node.id).sort()).toEqual(['north::a', 'north::b', 'north::c']);
    expect(body.withheld).toEqual({ nodes: 3, relationships: 0, paths: 0 });
  });

  it('withholds relationships and paths that leave the chosen datasets', async () => {
    const ties = await query('MATCH ()-[r]->() RETURN r', 'south');
    expect(
      ties.body.rows
        .flat()
        .filter((cell: Json) => cell !== null)
        .map((cell: Json) => cell.source),
    ).toEqual(expect.arrayContaining(['south::a', 'south::b']));
    expect(ties.body.withheld).toEqual({ nodes: 0, relationships: 2, paths: 0 });
    const paths = await query('MATCH p = (:Entity)-[*2]->(:Entity) RETURN p, length(p) AS hops ORDER BY p IS NULL, nodes(p)[0].__nexo_dataset DESC', 'south');
    expect(paths.body.rows).toEqual([
      [[expect.objectContaining({ id: 'south::a' }), expect.anything(), expect.anything(), expect.anything(), expect.objectContaining({ id: 'south::c' })], 2],
      [null, 2],
    ]);
    expect(paths.body.withheld).toEqual({ nodes: 0, relationships: 0, paths: 1 });
    expect(paths.body.graph.nodes.every((node: Json) => node.id.startsWith('south::'))).toBe(true);
  });

  it('binds $datasets to the chosen datasets, so a statement can filter its values itself', async () => {
    const names = await query('MATCH (n:Entity) WHERE n.__nexo_dataset IN $datasets RETURN n.name AS name, n.__nexo_dataset AS dataset ORDER BY name', 'south');
    expect(names.body.rows).toEqual([
      ['555-0101', 'south'],
      ['Ana', 'south'],
      ['Bruno', 'south'],
    ]);
    expect(names.body.withheld).toEqual({ nodes: 0, relationships: 0, paths: 0 });
    const both = await query('MATCH (n:Entity) RETURN n', 'north,south');
    expect(both.body.rows).toHaveLength(6);
    expect(both.body.withheld).toEqual({ nodes: 0, relationships: 0, paths: 0 });
  });

  it('reads the whole database without dataset, with $datasets holding every complete dataset', async () => {
    const { body } = await query('MATCH (n:Entity) RETURN n, $datasets AS datasets');
    expect(body.rows).toHaveLength(6);
    expect(body.rows.every((row: Json[]) => row[0] !== null)).toBe(true);
    expect([...body.rows[0][1]].sort()).toEqual(['north', 'south']);
    expect(body.withheld).toEqual({ nodes: 0, relationships: 0, paths: 0 });
  });

  it('answers 404 for an unknown dataset and 400 for a $datasets of the request’s own, as problem+json', async () => {
    const unknown = await query('RETURN 1', 'west');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toMatch(/^application\/problem\+json/);
    const own = await query('RETURN $datasets', 'north', { datasets: ['south'] });
    expect(own.status).toBe(400);
    expect(own.type).toMatch(/^application\/problem\+json/);
    expect(own.body.detail).toMatch(/datasets/);
  });
});
