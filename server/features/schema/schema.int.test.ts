import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, countGraph, loadDataset } from '../load/load.service.js';
import type { SchemaSummary } from './schema.service.js';

const db = openTestDatabase();
let app: RunningApp;
let baseUrl: string;

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
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
});
