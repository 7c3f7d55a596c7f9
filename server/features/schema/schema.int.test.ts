import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, countGraph, loadDataset } from '../load/load.service.js';
import { importDataset } from '../import/importDataset.js';
import type { SchemaSummary } from './schema.service.js';

const db = openTestDatabase();
let app: RunningApp;
let baseUrl: string;
let imported: Awaited<ReturnType<typeof importDataset>>;

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
  imported = await importDataset(
    db,
    { dataset: 'case-a', name: 'Case A', input: path.join(projectRoot, 'data', 'examples', 'edgelist'), options: {} },
    () => undefined,
    30_000,
  );
  // A generous time limit: the first request of each query shape is planned while other test servers share the CPU.
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
  baseUrl = app.base;
});

afterAll(async () => {
  await app.close();
  await db.close();
});

describe('GET /api/schema', () => {
  it('lists every label and relationship type with the same counts as countGraph', async () => {
    const response = await fetch(`${baseUrl}/api/schema`);
    expect(response.status).toBe(200);
    const schema = (await response.json()) as SchemaSummary;
    const counts = await countGraph(db, 30_000);
    expect(Object.fromEntries(schema.labels.map((label) => [label.name, label.count]))).toEqual(counts.labels);
    expect(Object.fromEntries(schema.relationshipTypes.map((type) => [type.name, type.count]))).toEqual(counts.types);
  });

  it('lists the property keys found on each label', async () => {
    const schema = (await (await fetch(`${baseUrl}/api/schema`)).json()) as SchemaSummary;
    const person = schema.labels.find((label) => label.name === 'Person');
    expect(person?.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'aliases', 'description', 'quotes', 'source']));
    const source = schema.labels.find((label) => label.name === 'Source');
    expect(source?.propertyKeys).toEqual(expect.arrayContaining(['id', 'title', 'text', 'licence']));
  });

  it('counts within the chosen datasets, listing every label and type of the database so each keeps its look', async () => {
    if (imported.status !== 'imported') throw new Error('the example was not imported');
    const whole = (await (await fetch(`${baseUrl}/api/schema`)).json()) as SchemaSummary;
    const response = await fetch(`${baseUrl}/api/schema?dataset=case-a`);
    expect(response.status).toBe(200);
    const scoped = (await response.json()) as SchemaSummary;
    expect(scoped.labels.map((label) => label.name)).toEqual(whole.labels.map((label) => label.name));
    expect(scoped.relationshipTypes.map((type) => type.name)).toEqual(whole.relationshipTypes.map((type) => type.name));
    const labelCounts = Object.fromEntries(scoped.labels.filter((label) => label.count > 0).map((label) => [label.name, label.count]));
    expect(labelCounts).toEqual({ ...imported.labels, Entity: imported.nodes });
    const typeCounts = Object.fromEntries(scoped.relationshipTypes.filter((type) => type.count > 0).map((type) => [type.name, type.count]));
    expect(typeCounts).toEqual(imported.types);
    // Keys are sampled within the dataset: Peru's people have quotes, the example's do not.
    expect(scoped.labels.find((label) => label.name === 'Person')?.propertyKeys).toEqual(expect.arrayContaining(['name', 'role']));
    expect(scoped.labels.find((label) => label.name === 'Person')?.propertyKeys).not.toContain('quotes');
    // Both datasets: the whole database's counts.
    const both = (await (await fetch(`${baseUrl}/api/schema?dataset=case-a,peru`)).json()) as SchemaSummary;
    expect(both.labels.map((label) => [label.name, label.count])).toEqual(
      whole.labels.map((label) => [label.name, ['Source', 'Import'].includes(label.name) ? 0 : label.count]),
    );
  });

  it('refuses an unknown dataset as a 404 problem', async () => {
    const response = await fetch(`${baseUrl}/api/schema?dataset=nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { title: string }).title).toBe('Unknown dataset');
  });
});
