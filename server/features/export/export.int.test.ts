import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, emptyDatabase } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { applySchema } from '../load/load.service.js';
import { projectRoot } from '../../projectRoot.js';
import { importNetwork } from '../datasets/importNetwork.js';
import type { ReadOptions } from '../import/formats/network.js';

const db = openTestDatabase();
let app: RunningApp;
const examples = path.join(projectRoot, 'data', 'examples');
const quiet = (): void => undefined;
const run = promisify(execFile);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'nexo-export-'));

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  // Directed and undirected ties, weights, integers, booleans, a default value.
  await importNetwork(db, { dataset: 'graph', input: path.join(examples, 'network.graphml') }, quiet);
  // Directed ties with dates, weights and source quotes, node labels from a column.
  await importNetwork(db, { dataset: 'ties', input: path.join(examples, 'edgelist') }, quiet);
  // FollowTheMoney entities and interval relationships, multi-valued properties.
  await importNetwork(db, { dataset: 'money', input: path.join(examples, 'entities.ftm') }, quiet);
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
});

afterAll(async () => {
  await app.close();
  await db.close();
});

/** A stored value as comparable data: integers tagged, so an integer that came back as a float is a difference. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function userProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([name]) => !name.startsWith('__nexo_'))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => [name, plain(value)]),
  );
}

/** A dataset as the user sees it: nodes by their file key, relationships by their ends' keys, Nexo's keys left out. */
async function snapshot(dataset: string): Promise<{ nodes: string[]; relationships: string[] }> {
  const key = (id: string): string => id.slice(`${dataset}::`.length);
  const nodes = await db.driver.executeQuery(
    "MATCH (n:Entity {__nexo_dataset: $dataset}) RETURN n.__nexo_id AS id, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS properties",
    { dataset },
    { database: db.name },
  );
  const relationships = await db.driver.executeQuery(
    'MATCH (a {__nexo_dataset: $dataset})-[r]->(b) RETURN a.__nexo_id AS start, b.__nexo_id AS end, type(r) AS type, properties(r) AS properties',
    { dataset },
    { database: db.name },
  );
  return {
    nodes: nodes.records
      .map((record) => JSON.stringify([key(record.get('id')), [...(record.get('labels') as string[])].sort(), userProperties(record.get('properties'))]))
      .sort(),
    relationships: relationships.records
      .map((record) =>
        JSON.stringify([
          key(record.get('start')),
          key(record.get('end')),
          record.get('type'),
          record.get('properties').__nexo_undirected === true,
          userProperties(record.get('properties')),
        ]),
      )
      .sort(),
  };
}

async function download(response: Response, name: string): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(200);
  const file = path.join(scratch, name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

async function exportDataset(dataset: string, format: string): Promise<Response> {
  return fetch(`${app.base}/api/datasets/${dataset}/export?format=${format}`);
}

async function reimport(dataset: string, input: string, options: ReadOptions = {}): Promise<void> {
  await importNetwork(db, { dataset, input, options }, quiet);
}

describe('GET /api/datasets/:id/export round trips through the import', () => {
  it('GraphML keeps every node, tie, direction, label, type and typed property', async () => {
    const response = await exportDataset('graph', 'graphml');
    expect(response.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="graph.graphml"');
    const file = await download(response, 'graph.graphml');
    await reimport('graph-graphml', file);
    const original = await snapshot('graph');
    expect(original.nodes).toHaveLength(12);
    expect(original.relationships).toHaveLength(14);
    expect(original.relationships.filter((tie) => JSON.parse(tie)[3] === false)).toHaveLength(2);
    expect(await snapshot('graph-graphml')).toEqual(original);
  });

  it('GEXF keeps every node, tie, direction, label, type and typed property', async () => {
    const response = await exportDataset('graph', 'gexf');
    expect(response.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="graph.gexf"');
    const text = await response.clone().text();
    expect(text).not.toContain('__nexo');
    await reimport('graph-gexf', await download(response, 'graph.gexf'));
    expect(await snapshot('graph-gexf')).toEqual(await snapshot('graph'));
  });

  it('edge-list CSV (a ZIP of nodes.csv and ties.csv) keeps nodes, ties, dates, weights and source quotes', async () => {
    const response = await exportDataset('ties', 'edgelist');
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ties-edgelist.zip"');
    const archive = await download(response, 'ties.zip');
    const folder = path.join(scratch, 'ties-unzipped');
    await run('unzip', ['-q', archive, '-d', folder]);
    expect(readdirSync(folder).sort()).toEqual(['nodes.csv', 'ties.csv']);
    await reimport('ties-csv', folder);
    const original = await snapshot('ties');
    expect(original.nodes).toHaveLength(12);
    expect(original.relationships).toHaveLength(16);
    expect(original.nodes.some((node) => node.includes('court file PC-2019/044'))).toBe(true);
    expect(await snapshot('ties-csv')).toEqual(original);
  });

  it('FtM JSON lines keeps entities, interval relationships and multi-valued properties', async () => {
    const response = await exportDataset('money', 'ftm');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="money.ftm.jsonl"');
    await reimport('money-ftm', await download(response, 'money.ftm.jsonl'));
    const original = await snapshot('money');
    expect(original.relationships.length).toBeGreaterThan(0);
    expect(await snapshot('money-ftm')).toEqual(original);
  });
});

describe('export errors', () => {
  it('answers 404 problem+json for an unknown dataset', async () => {
    const response = await exportDataset('nowhere', 'graphml');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 404, title: 'Unknown dataset' });
  });

  it('answers 400 problem+json for a missing or unknown format', async () => {
    for (const query of ['?format=pdf', '', '?format=GRAPHML']) {
      const response = await fetch(`${app.base}/api/datasets/graph/export${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ status: 400, title: 'Invalid parameter', parameter: 'format' });
    }
  });

  it('answers 422 when directed and undirected ties mix in an edge list, which cannot mark them', async () => {
    const response = await exportDataset('graph', 'edgelist');
    expect(response.status).toBe(422);
    expect((await response.json()).detail).toContain('undirected');
  });
});

describe('POST /api/export (the canvas)', () => {
  const canvas = ['ties::p1', 'ties::p2', 'ties::p3', 'ties::p4'];

  it('exports the given nodes and exactly the relationships among them', async () => {
    const response = await fetch(`${app.base}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [...canvas, 'ties::nowhere'], format: 'graphml' }),
    });
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="nexo-canvas.graphml"');
    await reimport('canvas', await download(response, 'canvas.graphml'));
    const among = await fetch(`${app.base}/api/subgraph`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: canvas }),
    });
    const subgraph = (await among.json()) as { nodes: { id: string; properties: Record<string, unknown> }[]; edges: unknown[] };
    const exported = await snapshot('canvas');
    expect(exported.nodes.map((node) => JSON.parse(node)[0]).sort()).toEqual(canvas);
    expect(exported.relationships).toHaveLength(subgraph.edges.length);
    expect(subgraph.edges.length).toBeGreaterThan(0);
    const ana = exported.nodes.map((node) => JSON.parse(node)).find((node) => node[0] === 'ties::p1');
    expect(ana[2]).toEqual(subgraph.nodes.find((node) => node.id === 'ties::p1')!.properties);
  });

  it('refuses an empty or oversized id list and an unknown format with 400', async () => {
    for (const body of [
      { ids: [], format: 'gexf' },
      { ids: Array.from({ length: 2001 }, (_, index) => `x${index}`), format: 'gexf' },
      { ids: canvas, format: 'svg' },
    ]) {
      const response = await fetch(`${app.base}/api/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('npm run datasets -- export', () => {
  it('writes an edge list as a folder that npm run import reads back', async () => {
    const out = path.join(scratch, 'cli-edgelist');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'server', 'features', 'datasets', 'cli.ts'), 'export', 'ties', '--format', 'edgelist', '--out', out],
      { cwd: projectRoot, env: { ...process.env, NEO4J_URI: db.uri, NEO4J_DATABASE: db.name } },
    );
    expect(stdout).toContain('Exported dataset "ties" (12 nodes, 16 relationships) as edgelist');
    await reimport('ties-cli', out);
    expect(await snapshot('ties-cli')).toEqual(await snapshot('ties'));
  });

  it('refuses an unknown format and an unknown dataset with a one-line message', async () => {
    const cli = (args: string[]) =>
      run(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server', 'features', 'datasets', 'cli.ts'), ...args], {
        cwd: projectRoot,
        env: { ...process.env, NEO4J_URI: db.uri, NEO4J_DATABASE: db.name },
      });
    await expect(cli(['export', 'ties', '--format', 'pdf'])).rejects.toMatchObject({ stderr: expect.stringContaining('--format must be one of') });
    await expect(cli(['export', 'nowhere', '--format', 'gexf', '--out', path.join(scratch, 'x.gexf')])).rejects.toMatchObject({
      stderr: expect.stringContaining('No dataset has the id "nowhere"'),
    });
  });
});
