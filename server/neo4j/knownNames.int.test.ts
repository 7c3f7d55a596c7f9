import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../tests/support/testDatabase.js';
import { AppError } from '../errors.js';
import { readDataset } from '../features/load/dataset.js';
import { importFolder } from '../features/import/import.service.js';
import { applySchema, loadDataset } from '../features/load/load.service.js';
import { projectRoot } from '../projectRoot.js';
import { assertKnownLabels, assertKnownRelationshipTypes, invalidateKnownNames, knownNames, KnownNamesCache } from './knownNames.js';

const db = openTestDatabase();
const TIMEOUT_MS = 30_000;

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
});

afterAll(() => db.close());

async function refusal(check: Promise<void>): Promise<AppError> {
  const error = await check.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function expectInvalidParameter(check: Promise<void>, parameter: string, value: string): Promise<void> {
  const problem = await refusal(check);
  expect(problem.status).toBe(400);
  expect(problem.detail).toContain(`"${parameter}"`);
  expect(problem.detail).toContain(value);
}

/** The test database behind a driver that counts the sessions and queries opened through it: every read opens one. */
function countingDatabase(): { db: { driver: Driver; name: string }; reads: () => number } {
  let reads = 0;
  const driver = new Proxy(db.driver, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if ((property === 'session' || property === 'executeQuery') && typeof value === 'function') {
        return (...args: unknown[]) => {
          reads++;
          return (value as (...inner: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? (value as (...inner: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: { driver, name: db.name }, reads: () => reads };
}

describe('the identifier allow-list', () => {
  it('accepts labels and relationship types that exist', async () => {
    await assertKnownLabels(db, ['Person', 'Organization'], 'labels', TIMEOUT_MS);
    await assertKnownRelationshipTypes(db, ['LEADER_OF', 'MEMBER_OF'], 'types', TIMEOUT_MS);
  });

  it('refuses an unknown label with a 400 naming the parameter and the value', async () => {
    await expectInvalidParameter(assertKnownLabels(db, ['Person', 'Persn'], 'labels', TIMEOUT_MS), 'labels', 'Persn');
  });

  it('refuses an unknown relationship type, including an injection attempt, with a 400 naming the parameter', async () => {
    await expectInvalidParameter(assertKnownRelationshipTypes(db, ['LEADER_OF`]-() DETACH DELETE n //'], 'types', TIMEOUT_MS), 'types', 'LEADER_OF');
  });

  it('lists the property keys too, and never the migration records', async () => {
    const names = await knownNames(db, TIMEOUT_MS);
    expect(names.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'aliases', 'quotes', 'source']));
    expect(names.labels.filter((label) => label.startsWith('__'))).toEqual([]);
  });
});

describe('the known-names cache', () => {
  it('answers unknown names from memory: a thousand refusals, no database read', async () => {
    const counting = countingDatabase();
    const cache = new KnownNamesCache(Number.POSITIVE_INFINITY);
    await cache.assertLabels(counting.db, ['Person'], 'labels', TIMEOUT_MS);
    expect(counting.reads()).toBe(1);
    for (let request = 0; request < 1000; request++) {
      await expectInvalidParameter(cache.assertLabels(counting.db, ['Nope'], 'labels', TIMEOUT_MS), 'labels', 'Nope');
      await expectInvalidParameter(cache.assertRelationshipTypes(counting.db, [`NOPE_${request}`], 'types', TIMEOUT_MS), 'types', 'NOPE_');
    }
    expect(counting.reads()).toBe(1);
  });

  it('reads the names again after an invalidation, and only then', async () => {
    const counting = countingDatabase();
    const cache = new KnownNamesCache(Number.POSITIVE_INFINITY);
    await cache.get(counting.db, TIMEOUT_MS);
    await db.driver.executeQuery("MATCH (a:Entity {id: 'person:artemio'}) SET a:Witness", {}, { database: db.name });
    try {
      await refusal(cache.assertLabels(counting.db, ['Witness'], 'labels', TIMEOUT_MS));
      cache.invalidate(counting.db);
      await cache.assertLabels(counting.db, ['Witness'], 'labels', TIMEOUT_MS);
      expect(counting.reads()).toBe(2);
    } finally {
      await db.driver.executeQuery('MATCH (a:Witness) REMOVE a:Witness', {}, { database: db.name });
    }
  });

  it('knows the labels and types of an import as soon as the import returns', async () => {
    expect((await knownNames(db, TIMEOUT_MS)).labels).not.toContain('Phone');
    await importFolder(
      db,
      path.join(projectRoot, 'tests', 'fixtures', 'import', 'neo4j-admin'),
      () => undefined,
      { id: 'known-names', name: 'known names' },
      TIMEOUT_MS,
    );
    await assertKnownLabels(db, ['Phone', 'Event'], 'labels', TIMEOUT_MS);
    await assertKnownRelationshipTypes(db, ['OPERATES_IN'], 'types', TIMEOUT_MS);
  });

  it('knows the labels of a load as soon as the load returns', async () => {
    await emptyDatabase(db);
    invalidateKnownNames(db);
    await knownNames(db, TIMEOUT_MS);
    await expectInvalidParameter(assertKnownLabels(db, ['Person'], 'labels', TIMEOUT_MS), 'labels', 'Person');
    await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
    await assertKnownLabels(db, ['Person'], 'labels', TIMEOUT_MS);
  });
});
