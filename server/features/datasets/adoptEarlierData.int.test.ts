import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase, readQuery } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, loadDataset, PERU_DATASET } from '../load/load.service.js';
import { adoptEarlierData, EARLIER_IMPORTS } from './adoptEarlierData.js';

const db = openTestDatabase();
const peru = readDataset(path.join(projectRoot, 'data', 'peru'));
const curated = { id: PERU_DATASET, ids: () => peru.nodes.map((node) => node.id) };
const leaderOf = peru.relationships.find((relationship) => relationship.source === 'person:abimael-guzman' && relationship.type === 'LEADER_OF')!;
let app: RunningApp;

/** A graph as a Nexo before datasets wrote it: ids only, no API id, no dataset, no dataset record. */
async function writeEarlierGraph(): Promise<void> {
  await db.driver.executeQuery(
    `CREATE (g:Entity:Person {id: 'person:abimael-guzman', name: 'Abimael Guzmán'})-[:LEADER_OF {id: $leaderOfId}]->(:Entity:Organization {id: 'organization:shining-path', name: 'Shining Path'})
     CREATE (a:Entity:Person {id: 'p1', name: 'Ana Old'})-[:CALLED {seconds: 40}]->(:Entity:Person {id: 'p2', name: 'Bruno Old'})`,
    { leaderOfId: leaderOf.id },
    { database: db.name },
  );
}

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await writeEarlierGraph();
});

afterAll(async () => {
  await app?.close();
  await db.close();
});

describe('a store from before datasets', () => {
  it('gives curated entities the curated dataset and everything else the dataset of earlier imports', async () => {
    const adoption = await adoptEarlierData(db, curated);
    expect(adoption).toEqual({ curated: { nodes: 2, relationships: 1 }, earlier: { nodes: 2, relationships: 1 } });
    const { records } = await readQuery(db, 'MATCH (n:Entity) RETURN n.id AS id, n.__nexo_id AS key, n.__nexo_dataset AS dataset ORDER BY id');
    expect(records.map((record) => record.toObject())).toEqual([
      { id: 'organization:shining-path', key: 'organization:shining-path', dataset: 'peru' },
      { id: 'p1', key: 'earlier-imports::p1', dataset: 'earlier-imports' },
      { id: 'p2', key: 'earlier-imports::p2', dataset: 'earlier-imports' },
      { id: 'person:abimael-guzman', key: 'person:abimael-guzman', dataset: 'peru' },
    ]);
  });

  it('adopts nothing twice', async () => {
    expect(await adoptEarlierData(db, curated)).toBeUndefined();
  });

  it('lets the curated load merge on the adopted ids, without duplicates', async () => {
    await loadDataset(db, peru);
    const { records } = await readQuery(
      db,
      'MATCH (n:Entity {__nexo_dataset: $peru}) RETURN count(n) AS nodes, count(DISTINCT n.id) AS ids, COUNT { MATCH (:Entity {id: "person:abimael-guzman"}) } AS guzman',
      { peru: PERU_DATASET },
    );
    const counts = Object.fromEntries(Object.entries(records[0]!.toObject()).map(([key, value]) => [key, Number(value)]));
    expect(counts).toEqual({ nodes: peru.nodes.length, ids: peru.nodes.length, guzman: 1 });
  });

  it('serves both datasets through the API', async () => {
    app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
    const list = (await (await fetch(`${app.base}/api/datasets`)).json()) as { datasets: { id: string; name: string; nodes: number; relationships: number }[] };
    expect(list.datasets.find((dataset) => dataset.id === EARLIER_IMPORTS.id)).toMatchObject({ name: EARLIER_IMPORTS.name, nodes: 2, relationships: 1 });
    expect(list.datasets.find((dataset) => dataset.id === PERU_DATASET)).toMatchObject({ nodes: peru.nodes.length });
    const guzman = await fetch(`${app.base}/api/nodes/${encodeURIComponent('person:abimael-guzman')}`);
    expect(guzman.status).toBe(200);
    const neighbours = (await (await fetch(`${app.base}/api/nodes/${encodeURIComponent('earlier-imports::p1')}/neighbours`)).json()) as {
      nodes: { id: string }[];
    };
    expect(neighbours.nodes.map((node) => node.id)).toContain('earlier-imports::p2');
  });

  it('keeps an earlier entity whose id a curated load took meanwhile, under the earlier dataset', async () => {
    await db.driver.executeQuery("CREATE (:Entity:Person {id: 'person:abimael-guzman', name: 'A second copy'})", {}, { database: db.name });
    const adoption = await adoptEarlierData(db, curated);
    expect(adoption?.earlier).toEqual({ nodes: 3, relationships: 1 });
    const { records } = await readQuery(db, "MATCH (n:Entity {name: 'A second copy'}) RETURN n.__nexo_id AS key, n.__nexo_dataset AS dataset");
    expect(records[0]!.toObject()).toEqual({ key: 'earlier-imports::person:abimael-guzman', dataset: 'earlier-imports' });
  });
});
