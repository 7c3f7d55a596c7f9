import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../tests/support/testDatabase.js';
import { AppError } from '../errors.js';
import { readDataset } from '../features/load/dataset.js';
import { applySchema, loadDataset } from '../features/load/load.service.js';
import { projectRoot } from '../projectRoot.js';
import { assertKnownLabels, assertKnownRelationshipTypes, knownNames } from './knownNames.js';

const db = openTestDatabase();

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
});

afterAll(() => db.close());

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
    await knownNames(db);
    await db.driver.executeQuery(
      "MATCH (a:Entity {id: 'person:artemio'}), (b:Entity {id: 'location:peru'}) CREATE (a)-[:SEEN_IN {id: 'test:seen-in'}]->(b)",
      {},
      { database: db.name },
    );
    await assertKnownRelationshipTypes(db, ['SEEN_IN'], 'types');
    expect((await knownNames(db)).relationshipTypes).toContain('SEEN_IN');
    await db.driver.executeQuery('MATCH ()-[r:SEEN_IN]->() DELETE r', {}, { database: db.name });
  });
});
