import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { startApp } from '../../../tests/support/testApp.js';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, loadDataset } from '../load/load.service.js';
import { warmQueryPlans } from './warmUp.js';

const db = openTestDatabase();

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
});

afterAll(() => db.close());

describe('warmQueryPlans', () => {
  it('runs every query shape the first clicks need, through the services, and changes nothing', async () => {
    const before = await db.driver.executeQuery('MATCH (n) RETURN count(n) AS nodes, COUNT { ()-->() } AS relationships', {}, { database: db.name });
    const report = await warmQueryPlans(db, 30_000);
    expect(report.shapes.map((shape) => shape.name)).toEqual([
      'most connected',
      'node details',
      'neighbours (in)',
      'neighbours (out)',
      'neighbours (both)',
      'search',
      'schema',
      'shortest path',
    ]);
    expect(report.shapes.filter((shape) => !shape.ok)).toEqual([]);
    const after = await db.driver.executeQuery('MATCH (n) RETURN count(n) AS nodes, COUNT { ()-->() } AS relationships', {}, { database: db.name });
    expect(after.records[0]!.toObject()).toEqual(before.records[0]!.toObject());
  });

  it('reports, without throwing, every shape it could not run when Neo4j is unreachable', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1', undefined, { connectionTimeout: 500, maxTransactionRetryTime: 0 });
    try {
      const report = await warmQueryPlans({ driver, name: 'neo4j' }, 1000);
      expect(report.shapes.length).toBeGreaterThan(0);
      expect(report.shapes.every((shape) => !shape.ok && typeof shape.error === 'string')).toBe(true);
    } finally {
      await driver.close();
    }
  });
});

describe('data requests during the warm-up', () => {
  it('wait for it to finish instead of planning the same queries beside it, then answer', async () => {
    let finishWarmUp!: () => void;
    const warming = new Promise<void>((resolve) => (finishWarmUp = resolve));
    const readiness = { ready: true, reason: 'ready', warming };
    const app = createApp({ db, config: loadConfig({ QUERY_TIMEOUT_MS: '600000' }), logger: pino({ level: 'silent' }), readiness });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      let answered = false;
      const held = fetch(`${base}/api/nodes/person:abimael-guzman`).then((response) => {
        answered = true;
        return response.status;
      });
      // The same request to an app past its warm-up: by the time it is answered, the held one would have been too.
      const reference = await startApp(db, { QUERY_TIMEOUT_MS: '600000' });
      try {
        expect((await fetch(`${reference.base}/api/nodes/person:abimael-guzman`)).status).toBe(200);
      } finally {
        await reference.close();
      }
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(answered).toBe(false);
      finishWarmUp();
      expect(await held).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
