import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../../../tests/support/testDatabase.js';
import { projectRoot } from '../../../projectRoot.js';
import { importNetwork } from '../../datasets/importNetwork.js';
import { applySchema } from '../../load/load.service.js';
import { tempFile, tempFolder } from './testing.js';

const db = openTestDatabase();
const examples = path.join(projectRoot, 'data', 'examples');
const quiet = (): void => undefined;

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
});

afterAll(async () => {
  await db.close();
});

/** Each stored node's key (without the dataset), and the named property with the type Neo4j holds it as. */
async function stored(dataset: string, property: string): Promise<Record<string, [unknown, string]>> {
  const { records } = await db.driver.executeQuery(
    `MATCH (n:Entity {__nexo_dataset: $dataset}) RETURN n.__nexo_id AS id, n[$property] AS value, valueType(n[$property]) AS type`,
    { dataset, property },
    { database: db.name },
  );
  return Object.fromEntries(records.map((record) => [String(record.get('id')).slice(dataset.length + 2), [record.get('value'), record.get('type')]]));
}

async function ties(dataset: string): Promise<string[]> {
  const { records } = await db.driver.executeQuery(
    `MATCH (a:Entity {__nexo_dataset: $dataset})-[r]->(b) RETURN a.__nexo_id + ' ' + type(r) + ' ' + b.__nexo_id + ' ' + coalesce(toString(r.weight), '-') AS tie ORDER BY tie`,
    { dataset },
    { database: db.name },
  );
  return records.map((record) => (record.get('tie') as string).replaceAll(`${dataset}::`, ''));
}

describe('formats written to Neo4j', () => {
  it('stores a Pajek project’s partitions as integers and its vectors as floats', async () => {
    await importNetwork(db, { dataset: 'paj', input: path.join(examples, 'network.paj') }, quiet);
    const cells = await stored('paj', 'cell');
    expect(cells['1']).toEqual([expect.objectContaining({ low: 1 }), 'INTEGER NOT NULL']);
    expect(Object.keys(cells)).toHaveLength(12);
    expect((await stored('paj', 'risk score'))['1']).toEqual([0.9, 'FLOAT NOT NULL']);
  });

  it('stores GML integers as integers, a repeated key as a list, and digits past 64 bits as text', async () => {
    await importNetwork(db, { dataset: 'gml', input: path.join(examples, 'network.gml') }, quiet);
    expect((await stored('gml', 'age'))['1']).toEqual([expect.objectContaining({ low: 48 }), 'INTEGER NOT NULL']);
    expect((await stored('gml', 'alias'))['1']).toEqual([['La Jefa', 'AR'], 'LIST<STRING NOT NULL> NOT NULL']);
    const big = tempFile('big.gml', 'graph [ node [ id 1 calls 123456789012345678901 nan NAN ] ]');
    await importNetwork(db, { dataset: 'gml-big', input: big }, quiet);
    expect((await stored('gml-big', 'calls'))['1']).toEqual(['123456789012345678901', 'STRING NOT NULL']);
    const nan = (await stored('gml-big', 'nan'))['1']!;
    expect([Number.isNaN(nan[0]), nan[1]]).toEqual([true, 'FLOAT NOT NULL']);
  });

  it('stores a JSON graph: integers past 2^53 exactly, floats, lists, nested objects as text, and its typed ties', async () => {
    await importNetwork(db, { dataset: 'json', input: path.join(examples, 'network.json') }, quiet);
    expect((await stored('json', 'age'))['1']).toEqual([expect.objectContaining({ low: 48 }), 'INTEGER NOT NULL']);
    expect((await stored('json', 'aliases'))['1']).toEqual([['La Jefa', 'AR'], 'LIST<STRING NOT NULL> NOT NULL']);
    expect((await stored('json', 'registry'))['11']).toEqual(['{"country":"CL","number":"76.123.456-7"}', 'STRING NOT NULL']);
    expect(await ties('json')).toContain('8 PAID 9 1500.5');
    const exact = tempFile('exact.json', '{"nodes": [{"id": "a", "phone": 9007199254740993, "score": 2.0, "imsi": 123456789012345678901}], "links": []}');
    await importNetwork(db, { dataset: 'json-exact', input: exact }, quiet);
    const phone = (await stored('json-exact', 'phone'))['a']!;
    expect([String(phone[0]), phone[1]]).toEqual(['9007199254740993', 'INTEGER NOT NULL']);
    expect((await stored('json-exact', 'score'))['a']).toEqual([2, 'FLOAT NOT NULL']);
    expect((await stored('json-exact', 'imsi'))['a']).toEqual(['123456789012345678901', 'STRING NOT NULL']);
  });

  it('stores an adjacency list with its tie-less node, and a folder of matrices as one network of typed relations', async () => {
    await importNetwork(db, { dataset: 'adj', input: path.join(examples, 'network.adjlist'), options: { undirected: true } }, quiet);
    expect(Object.keys(await stored('adj', 'label'))).toHaveLength(13);
    expect(await ties('adj')).toContain('Ana TIE Bruno -');
    const folder = tempFolder({ 'marriage.csv': ',Ana,Ben\nAna,0,1\nBen,1,0\n', 'business.csv': ',Ana,Cruz\nAna,0,3\nCruz,NA,0\n' });
    await importNetwork(db, { dataset: 'padgett', input: folder }, quiet);
    expect(Object.keys(await stored('padgett', 'label')).sort()).toEqual(['Ana', 'Ben', 'Cruz']);
    expect(await ties('padgett')).toEqual(['Ana BUSINESS Cruz 3.0', 'Ana MARRIAGE Ben 1.0', 'Ben MARRIAGE Ana 1.0']);
  });
});
