import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { AppError } from '../../errors.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, countGraph, loadDataset } from '../load/load.service.js';
import { assertKnownLabels, assertKnownRelationshipTypes, getSchema, type SchemaSummary } from './schema.service.js';

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

async function expectInvalidParameter(check: Promise<void>, parameter: string, value: string): Promise<void> {
  const error = await check.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  const problem = error as AppError;
  expect(problem.status).toBe(400);
  expect(problem.detail).toContain(`"${parameter}"`);
  expect(problem.detail).toContain(value);
}

describe('GET /api/schema', () => {
  it('lists every label and relationship type with the same counts as countGraph', async () => {
    const response = await fetch(`${baseUrl}/api/schema`);
    expect(response.status).toBe(200);
    const schema = (await response.json()) as SchemaSummary;
    const counts = await countGraph(db);
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

describe('the identifier allow-list', () => {
  it('accepts labels and relationship types that exist', async () => {
    await assertKnownLabels(db, ['Person', 'Organization'], 'labels');
    await assertKnownRelationshipTypes(db, ['LEADER_OF', 'MEMBER_OF'], 'types');
  });

  it('refuses an unknown label with a 400 naming the parameter and the value', async () => {
    await expectInvalidParameter(assertKnownLabels(db, ['Person', 'Persn'], 'labels'), 'labels', 'Persn');
  });

  it('refuses an unknown relationship type, including an injection attempt, with a 400 naming the parameter', async () => {
    await expectInvalidParameter(assertKnownRelationshipTypes(db, ['LEADER_OF`]-() DETACH DELETE n //'], 'types'), 'types', 'LEADER_OF');
  });

  it('accepts a relationship type created after the schema was cached', async () => {
    await getSchema(db);
    await db.driver.executeQuery(
      "MATCH (a:Entity {id: 'person:artemio'}), (b:Entity {id: 'location:peru'}) CREATE (a)-[:SEEN_IN {id: 'test:seen-in'}]->(b)",
      {},
      { database: db.name },
    );
    await assertKnownRelationshipTypes(db, ['SEEN_IN'], 'types');
    const schema = await getSchema(db);
    expect(schema.relationshipTypes).toContainEqual({ name: 'SEEN_IN', count: 1 });
    await db.driver.executeQuery('MATCH ()-[r:SEEN_IN]->() DELETE r', {}, { database: db.name });
  });
});
