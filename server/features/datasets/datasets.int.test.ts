import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, emptyDatabase } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { applySchema, loadDataset } from '../load/load.service.js';
import { readDataset } from '../load/dataset.js';
import { projectRoot } from '../../projectRoot.js';
import { FormatError } from '../import/formats/network.js';
import { importNetwork } from './importNetwork.js';
import { beginDataset, deleteDataset, keepImportAlive, removeIncompleteDatasets } from './datasets.service.js';
import { BATCH_ROWS } from '../import/batches.js';
import { cypherFile } from '../../cypher.js';
import { toNumber } from '../../neo4j/values.js';

const db = openTestDatabase();
let app: RunningApp;
const examples = path.join(projectRoot, 'data', 'examples');
const quiet = (): void => undefined;
const run = promisify(execFile);

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
  // The same files twice, as two datasets.
  await importNetwork(db, { dataset: 'case-a', name: 'Case A', input: path.join(examples, 'edgelist') }, quiet);
  await importNetwork(db, { dataset: 'case-b', name: 'Case B', input: path.join(examples, 'edgelist') }, quiet);
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
});

afterAll(async () => {
  await app.close();
  await db.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several endpoints, checked field by field
type Json = any;

async function get(pathAndQuery: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${app.base}${pathAndQuery}`);
  return { status: response.status, body: (await response.json()) as Json };
}

describe('datasets', () => {
  it('lists every dataset with its counts', async () => {
    const { body } = await get('/api/datasets');
    const byId = Object.fromEntries(body.datasets.map((dataset: { id: string }) => [dataset.id, dataset]));
    expect(Object.keys(byId).sort()).toEqual(['case-a', 'case-b', 'peru']);
    expect(byId['case-a']).toMatchObject({ name: 'Case A', nodes: 12, relationships: 16, format: 'edgelist' });
    expect(byId['case-b']).toMatchObject({ nodes: 12, relationships: 16 });
  });

  it('imports user columns such as name and source as data, unchanged, the file id in the API id', async () => {
    const { body } = await get('/api/search?q=Ana%20Ruiz&dataset=case-a');
    expect(body.results).toHaveLength(1);
    expect(body.results[0].id).toBe('case-a::p1');
    expect(body.results[0].properties).toEqual({ name: 'Ana Ruiz', role: 'organiser', born: '1971-03-02', source: 'court file PC-2019/044 p.12' });
    expect(Object.keys(body.results[0].properties).filter((key) => key.startsWith('__nexo'))).toEqual([]);
  });

  it('keeps two datasets with the same ids apart in search, neighbours and paths', async () => {
    const both = await get('/api/search?q=Ana%20Ruiz&dataset=case-a,case-b');
    expect(both.body.results.map((node: { id: string }) => node.id).sort()).toEqual(['case-a::p1', 'case-b::p1']);
    const onlyB = await get('/api/search?q=Ana%20Ruiz&dataset=case-b');
    expect(onlyB.body.results.map((node: { id: string }) => node.id)).toEqual(['case-b::p1']);
    const neighbours = await get(`/api/nodes/${encodeURIComponent('case-a::p1')}/neighbours`);
    const inB = await get(`/api/nodes/${encodeURIComponent('case-b::p1')}/neighbours`);
    expect(neighbours.body.nodes.length).toBeGreaterThan(1);
    expect(neighbours.body.nodes.every((node: { id: string }) => node.id.startsWith('case-a::'))).toBe(true);
    expect(inB.body.nodes.map((node: { id: string }) => node.id.replace('case-b::', 'case-a::'))).toEqual(
      neighbours.body.nodes.map((node: { id: string }) => node.id),
    );
    const outside = await get(`/api/nodes/${encodeURIComponent('case-a::p1')}?dataset=case-b`);
    expect(outside.status).toBe(404);
    const path = await get(`/api/paths?from=${encodeURIComponent('case-a::p2')}&to=${encodeURIComponent('case-a::c1')}`);
    expect(path.body.paths).toHaveLength(1);
    expect(path.body.paths[0].nodes.every((node: { id: string }) => node.id.startsWith('case-a::'))).toBe(true);
    const across = await get(`/api/paths?from=${encodeURIComponent('case-a::p2')}&to=${encodeURIComponent('case-b::c1')}`);
    expect(across.body.paths).toEqual([]);
  });

  it('answers 404 for an unknown dataset', async () => {
    expect((await get('/api/search?q=Ana&dataset=nope')).status).toBe(404);
  });

  it('refuses a bad file with file:line and writes nothing', async () => {
    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'nexo-datasets-')), 'ragged.csv');
    writeFileSync(bad, 'source,target\na,b\nb,c,d\n');
    await expect(importNetwork(db, { dataset: 'bad', input: bad }, quiet)).rejects.toThrow(FormatError);
    const { body } = await get('/api/datasets');
    expect(body.datasets.map((dataset: { id: string }) => dataset.id)).not.toContain('bad');
    const { records } = await db.driver.executeQuery("MATCH (n {__nexo_dataset: 'bad'}) RETURN count(n) AS count", {}, { database: db.name });
    expect(records[0]!.get('count').toNumber()).toBe(0);
  });

  it('writes every tie of an edge list once when the batches in flight together link the same nodes', async () => {
    // Several batches of ties among five people, so concurrent batches lock the same nodes (a deadlock is retried).
    const count = 2 * BATCH_ROWS + 7;
    const lines = Array.from({ length: count }, (_, i) => `p${i % 5},p${(i * 3 + 1) % 5},${i}`);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'nexo-shared-'));
    writeFileSync(path.join(folder, 'calls.csv'), ['source,target,n', ...lines].join('\n'));

    await importNetwork(db, { dataset: 'shared-ends', input: path.join(folder, 'calls.csv') }, quiet);

    try {
      const { records } = await db.driver.executeQuery(
        'MATCH (a {__nexo_dataset: $dataset})-[r]->(b) RETURN a.__nexo_id AS from, b.__nexo_id AS to, r.n AS n, r.__nexo_id AS id ORDER BY toInteger(r.n)',
        { dataset: 'shared-ends' },
        { database: db.name },
      );
      const local = (key: string): string => key.slice('shared-ends::'.length);
      expect(records.map((record) => `${local(record.get('from'))},${local(record.get('to'))},${record.get('n')}`)).toEqual(lines);
      expect(new Set(records.map((record) => record.get('id'))).size).toBe(count);
    } finally {
      await deleteDataset(db, 'shared-ends');
    }
  });

  it('spares an unfinished import while it keeps touching its record, and removes it once it stops', async () => {
    await beginDataset(db, { id: 'still-loading', name: 'Still loading', format: 'edgelist', source: 'test' });
    const stopTouching = keepImportAlive(db, 'still-loading', 100);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      await sleep(2_500);
      // Idle for two seconds means dead, but the record was touched within the last 100 ms or so.
      expect(await removeIncompleteDatasets(db, 2_000)).not.toContain('still-loading');
    } finally {
      stopTouching();
    }
    await sleep(2_500);
    expect(await removeIncompleteDatasets(db, 2_000)).toContain('still-loading');
  });

  it('hides a dataset from reads and closes it to import batches as its deletion starts, which a cleanup finishes if cut short', async () => {
    await beginDataset(db, { id: 'racing', name: 'Racing', format: 'neo4j-csv', source: 'test' });
    const writeNodes = (rows: unknown[]) =>
      db.driver.executeQuery(cypherFile('datasets/write-nodes.cypher'), { dataset: 'racing', rows }, { database: db.name });
    const written = await writeNodes([{ id: 'racing::a', labels: ['Person'], properties: {}, caption: null, dates: {}, integers: {} }]);
    const [nodeId] = written.records[0]!.get('nodeIds') as unknown[];
    // A deletion's first step, as if it were cut short right after (a killed server): the record says so.
    await db.driver.executeQuery(cypherFile('datasets/mark-deleting.cypher'), { id: 'racing' }, { database: db.name });
    const relate = await db.driver.executeQuery(
      cypherFile('import/write-relationships-by-node-id.cypher'),
      { dataset: 'racing', keyPrefixes: ['racing::x:'], rows: [[nodeId, nodeId, 'KNOWS', 0, 2, {}, {}, {}]] },
      { database: db.name },
    );
    expect(toNumber(relate.records[0]!.get('written'))).toBe(0);
    const more = await writeNodes([{ id: 'racing::b', labels: ['Person'], properties: {}, caption: null, dates: {}, integers: {} }]);
    expect(toNumber(more.records[0]!.get('written'))).toBe(0);
    expect((await get('/api/datasets')).body.datasets.map((dataset: { id: string }) => dataset.id)).not.toContain('racing');
    expect(await removeIncompleteDatasets(db)).toContain('racing');
    const left = await db.driver.executeQuery("MATCH (n {__nexo_dataset: 'racing'}) RETURN count(n) AS count", {}, { database: db.name });
    expect(toNumber(left.records[0]!.get('count'))).toBe(0);
  });

  it('deletes exactly one dataset', async () => {
    const response = await fetch(`${app.base}/api/datasets/case-b`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    const { body } = await get('/api/datasets');
    expect(body.datasets.map((dataset: { id: string }) => dataset.id).sort()).toEqual(['case-a', 'peru']);
    expect((await get('/api/search?q=Ana%20Ruiz')).body.results.map((node: { id: string }) => node.id)).toEqual(['case-a::p1']);
  });
});

describe('the command line while a local Neo4j runs (as under npm start)', () => {
  it('npm run datasets uses it without NEO4J_URI and leaves it running', async () => {
    // The test Neo4j is a local Neo4j already running on its Bolt port, as npm start's is.
    const { NEO4J_URI: _unset, ...env } = process.env;
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server', 'features', 'datasets', 'cli.ts'), 'list'], {
      cwd: projectRoot,
      env: { ...env, NEXO_NEO4J_BOLT_PORT: new URL(db.uri).port, NEO4J_DATABASE: db.name },
    });
    expect(stderr).toContain(`Using the local Neo4j already running on bolt://127.0.0.1:${new URL(db.uri).port}`);
    expect(stdout).toContain('case-a');
    expect(stdout).toContain('peru');
    const { records } = await db.driver.executeQuery('RETURN 1 AS one', {}, { database: db.name });
    expect(records[0]!.get('one').toNumber()).toBe(1);
  });
});
