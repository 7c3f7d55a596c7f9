import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { projectRoot } from '../../projectRoot.js';
import { importNetwork } from '../datasets/importNetwork.js';
import { importDataset } from '../import/importDataset.js';
import { tempFolder } from '../import/formats/testing.js';
import { applySchema } from '../load/load.service.js';

const db = openTestDatabase();
let app: RunningApp;
let guarded: RunningApp;
const fixtures = path.join(projectRoot, 'tests', 'fixtures', 'captions');
const quiet = (): void => undefined;

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await importNetwork(db, { dataset: 'people', name: 'People', input: path.join(fixtures, 'people') }, quiet);
  await importNetwork(db, { dataset: 'areas', name: 'Areas', input: path.join(fixtures, 'codes') }, quiet);
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
  guarded = await startApp(db, { QUERY_TIMEOUT_MS: '30000', NEXO_API_TOKEN: 'a-long-enough-test-token-for-captions-0123456789' });
});

afterAll(async () => {
  await app.close();
  await guarded.close();
  await db.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers checked field by field
type Json = any;

async function call(base: string, method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${pathAndQuery}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Json };
}

// Search reads `name` and aliases only, so captions are checked where nodes are fetched by id.
const jacks = async (): Promise<string[]> =>
  (await call(app.base, 'POST', '/api/subgraph?dataset=people', { ids: ['people::1', 'people::2'] })).body.nodes
    .map((node: { name: string }) => node.name)
    .sort();

describe('captions picked from the data', () => {
  it('names people by first name and surname, in the subgraph and neighbours', async () => {
    expect(await jacks()).toEqual(['Jack Powell', 'Jack Ward']);
    const neighbours = await call(app.base, 'GET', '/api/nodes/people%3A%3A2/neighbours?dataset=people');
    expect(neighbours.body.nodes.map((node: { name: string }) => node.name).sort()).toEqual(['Amy Powell', 'Jack Powell', 'Jack Ward']);
  });

  it('names nodes with only a code by the code, not the import id', async () => {
    const subgraph = await call(app.base, 'POST', '/api/subgraph?dataset=areas', { ids: ['areas::16963', 'areas::16964'] });
    expect(subgraph.body.nodes.map((node: { name: string }) => node.name).sort()).toEqual(['M1', 'WN']);
  });

  it('lists the labels of a dataset with their properties and picked captions', async () => {
    const { status, body } = await call(app.base, 'GET', '/api/datasets/people/captions');
    expect(status).toBe(200);
    const person = body.labels.find((label: { label: string }) => label.label === 'Person');
    expect(person).toEqual({ label: 'Person', properties: ['age', 'firstName', 'phone', 'surname'], automatic: ['firstName', 'surname'], override: null });
  });

  it('names a label by the property the user chose, saved with the dataset, and back to the picked one', async () => {
    const saved = await call(app.base, 'PUT', '/api/datasets/people/captions', { captions: { Person: ['phone'] } });
    expect(saved.status).toBe(200);
    expect(saved.body.labels.find((label: { label: string }) => label.label === 'Person').override).toEqual(['phone']);
    expect(await jacks()).toEqual(['07700 900001', '07700 900002']);
    const listed = await call(app.base, 'GET', '/api/datasets');
    expect(listed.body.datasets.find((dataset: { id: string }) => dataset.id === 'people').captionOverrides).toEqual({ Person: ['phone'] });
    // The other dataset keeps its captions.
    expect((await call(app.base, 'GET', '/api/datasets/areas/captions')).body.labels[0].override).toBeNull();
    await call(app.base, 'PUT', '/api/datasets/people/captions', { captions: { Person: [] } });
    expect(await jacks()).toEqual(['Jack Powell', 'Jack Ward']);
  });

  it('refuses a label or property the dataset lacks, an unknown dataset and a malformed body, as problem+json', async () => {
    const label = await call(app.base, 'PUT', '/api/datasets/people/captions', { captions: { Area: ['code'] } });
    expect(label.status).toBe(422);
    expect(label.type).toContain('application/problem+json');
    expect(label.body).toMatchObject({ title: 'Unknown label', status: 422 });
    const property = await call(app.base, 'PUT', '/api/datasets/people/captions', { captions: { Person: ['__nexo_id'] } });
    expect(property.status).toBe(422);
    expect(property.body.title).toBe('Unknown property');
    expect((await call(app.base, 'PUT', '/api/datasets/nothing/captions', { captions: {} })).status).toBe(404);
    expect((await call(app.base, 'GET', '/api/datasets/nothing/captions')).status).toBe(404);
    const malformed = await call(app.base, 'PUT', '/api/datasets/people/captions', { captions: { Person: 'phone' } });
    expect(malformed.status).toBe(400);
    expect(malformed.type).toContain('application/problem+json');
  });

  it('requires credentials to change captions when the server has them', async () => {
    const refused = await call(guarded.base, 'PUT', '/api/datasets/people/captions', { captions: { Person: ['phone'] } });
    expect(refused.status).toBe(401);
    const allowed = await call(
      guarded.base,
      'PUT',
      '/api/datasets/people/captions',
      { captions: {} },
      { authorization: 'Bearer a-long-enough-test-token-for-captions-0123456789' },
    );
    expect(allowed.status).toBe(200);
  });

  it('picks again for a dataset deleted and imported anew', async () => {
    await call(app.base, 'PUT', '/api/datasets/areas/captions', { captions: { Area: ['code'] } });
    expect((await call(app.base, 'DELETE', '/api/datasets/areas')).status).toBe(200);
    await importNetwork(db, { dataset: 'areas', name: 'Areas', input: path.join(fixtures, 'people') }, quiet);
    const { body } = await call(app.base, 'GET', '/api/datasets/areas/captions');
    expect(body.labels.map((label: { label: string }) => label.label)).toEqual(['Person', 'Vehicle']);
    expect(body.labels[0]).toMatchObject({ automatic: ['firstName', 'surname'], override: null });
  });
});

describe('search by caption', () => {
  const search = async (q: string, dataset: string): Promise<[string, string][]> =>
    (await call(app.base, 'GET', `/api/search?q=${encodeURIComponent(q)}&dataset=${dataset}`)).body.results.map((node: Json) => [node.id, node.name]);

  it('finds nodes that have only a code by the code picked at import', async () => {
    await importDataset(db, { dataset: 'codes', name: 'Codes', input: path.join(fixtures, 'codes'), options: {} }, quiet, 30_000);
    expect(await search('M1', 'codes')).toEqual([['codes::16964', 'M1']]);
    expect(await search('WN', 'codes')).toEqual([['codes::16963', 'WN']]);
  });

  it('finds nodes by the caption the user chose, and no longer by the one they left', async () => {
    const vehicles = tempFolder({
      'nodes.csv': 'id,label,code,registration\nv1,Vehicle,VX-101,KX19 ABC\nv2,Vehicle,VX-102,LM70 DEF\nv3,Vehicle,VX-103,PN21 GHI\n',
      'ties.csv': 'source,target\nv1,v2\n',
    });
    await importDataset(db, { dataset: 'fleet', name: 'Fleet', input: vehicles, options: {} }, quiet, 30_000);
    const chosen = await call(app.base, 'PUT', '/api/datasets/fleet/captions', { captions: { Vehicle: ['registration'] } });
    expect(chosen.status).toBe(200);
    expect(await search('LM70', 'fleet')).toEqual([['fleet::v2', 'LM70 DEF']]);
    expect(await search('PN21 GHI', 'fleet')).toEqual([['fleet::v3', 'PN21 GHI']]);
    await call(app.base, 'PUT', '/api/datasets/fleet/captions', { captions: { Vehicle: ['code'] } });
    expect(await search('VX-102', 'fleet')).toEqual([['fleet::v2', 'VX-102']]);
    expect(await search('LM70', 'fleet')).toEqual([]);
  });
});
