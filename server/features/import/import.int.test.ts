import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyDatabase, graphCounts, openTestDatabase } from '../../../tests/support/testDatabase.js';
import type { Database } from '../../neo4j/database.js';
import { projectRoot } from '../../projectRoot.js';
import { applySchema } from '../load/load.service.js';
import { BATCH_ROWS } from './batches.js';
import { importFolder } from './import.service.js';
import { ImportError } from './importError.js';

const fixture = path.join(projectRoot, 'tests', 'fixtures', 'import', 'neo4j-admin');
const quiet = (): void => undefined;
/** The dataset these imports go into. */
const TEST_DATASET = { id: 'csv-test', name: 'CSV test' };

let db: Database;
let scratch: string;

/** Writes the given files into a fresh folder named `name` and returns its path. */
function folderWith(name: string, files: Record<string, string | Buffer>): string {
  const folder = path.join(mkdtempSync(path.join(scratch, 'case-')), name);
  mkdirSync(folder);
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(folder, file), content);
  return folder;
}

/** A property value as "type:text" (strings and booleans as they are), so types are compared too. */
function typed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(typed);
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (typeof value === 'number') return `float:${value}`;
  if (neo4j.isDate(value)) return `date:${value.toString()}`;
  if (neo4j.isLocalTime(value)) return `localtime:${value.toString()}`;
  if (neo4j.isTime(value)) return `time:${value.toString()}`;
  if (neo4j.isLocalDateTime(value)) return `localdatetime:${value.toString()}`;
  if (neo4j.isDateTime(value)) return `datetime:${value.toString()}`;
  if (neo4j.isDuration(value)) return `duration:${value.toString()}`;
  return value;
}

/** Typed properties, with Nexo's key shown as `id` without its dataset prefix and the dataset left out. */
function typedProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const { __nexo_id: key, __nexo_dataset: dataset, ...rest } = properties;
  expect(dataset).toBe(TEST_DATASET.id);
  return {
    id: String(key).slice(`${TEST_DATASET.id}::`.length),
    ...Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, typed(value)])),
  };
}

async function readNodes(): Promise<{ labels: string[]; properties: Record<string, unknown> }[]> {
  const { records } = await db.driver.executeQuery(
    'MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS properties ORDER BY n.__nexo_id',
    {},
    { database: db.name },
  );
  return records.map((record) => ({
    labels: (record.get('labels') as string[]).sort(),
    properties: typedProperties(record.get('properties')),
  }));
}

async function readRelationships(): Promise<{ from: string; type: string; to: string; properties: Record<string, unknown> }[]> {
  const { records } = await db.driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN a.__nexo_id AS from, type(r) AS type, b.__nexo_id AS to, properties(r) AS properties ORDER BY r.__nexo_id',
    {},
    { database: db.name },
  );
  const local = (key: string): string => key.slice(`${TEST_DATASET.id}::`.length);
  return records.map((record) => ({
    from: local(record.get('from')),
    type: record.get('type'),
    to: local(record.get('to')),
    properties: typedProperties(record.get('properties')),
  }));
}

beforeAll(async () => {
  db = openTestDatabase();
  await emptyDatabase(db);
  await applySchema(db);
  scratch = mkdtempSync(path.join(os.tmpdir(), 'nexo-import-'));
});

afterAll(async () => {
  await emptyDatabase(db);
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('importing a folder of neo4j-admin CSV files', () => {
  beforeEach(async () => {
    await emptyDatabase(db);
  });

  it('round-trips every node property with its type, ID spaces giving the stable ids', async () => {
    const outcome = await importFolder(db, fixture, quiet, TEST_DATASET);

    expect(outcome).toMatchObject({ status: 'imported', nodes: 11, relationships: 7 });
    expect(await readNodes()).toEqual([
      {
        labels: ['Entity', 'Event'],
        properties: {
          id: 'Event:e1',
          eventId: 'e1',
          title: 'Captura de Guzmán',
          starts: 'datetime:1992-09-12T20:45:00-05:00',
          opens: 'localtime:09:30:00',
          zone: 'time:10:15:00.500000000+01:00',
          length: 'duration:P1DT2H30M',
          visitors: 'int:120',
          floor: 'int:3',
          grade: 'A',
        },
      },
      {
        labels: ['Entity', 'Event'],
        properties: { id: 'Event:e2', eventId: 'e2', starts: 'datetime:1992-09-12T20:45:00-05:00[America/Lima]' },
      },
      {
        labels: ['Entity', 'Organization'],
        properties: { id: 'Organization:o1', name: 'Sendero Luminoso', founded: 'date:1969-01-01', members: 'int:3000000000' },
      },
      {
        labels: ['Entity', 'Organization'],
        properties: { id: 'Organization:o2', name: 'MRTA', founded: 'date:1982-03-01' },
      },
      {
        labels: ['Entity', 'Person', 'Suspect'],
        properties: {
          id: 'Person:p1',
          personId: 'p1',
          name: 'Abimael Guzmán',
          age: 'int:85',
          height: 'float:1.7',
          alive: false,
          born: 'date:1934-12-03',
          aliases: ['Presidente Gonzalo', 'Camarada Gonzalo'],
          scores: ['int:3', 'int:1', 'int:4'],
        },
      },
      {
        labels: ['Entity', 'Person'],
        properties: {
          id: 'Person:p2',
          personId: 'p2',
          name: 'Elena "La Jefa" Iparraguirre',
          height: 'float:1.62',
          alive: true,
          born: 'date:1948-01-01',
        },
      },
      {
        labels: ['Entity', 'Person', 'Suspect'],
        properties: { id: 'Person:p3', personId: 'p3', name: 'Óscar Ramírez\nDurand', aliases: ['Feliciano'] },
      },
      {
        labels: ['Entity', 'Phone'],
        properties: { id: 'Phone:+51 999 111 222', number: '+51 999 111 222', carrier: 'Claro', active: true },
      },
      {
        labels: ['Entity', 'Phone'],
        properties: { id: 'Phone:+51 999 333 444', number: '+51 999 333 444', carrier: 'Movistar' },
      },
      {
        labels: ['Entity', 'Location'],
        properties: { id: 'ayacucho', name: 'Ayacucho', lat: 'float:-13.16', lon: 'float:-74.22' },
      },
      {
        labels: ['Entity', 'Location'],
        properties: { id: 'lima', name: 'Lima', lat: 'float:-12.0464', lon: 'float:-77.0428', tags: ['capital', 'coast'] },
      },
    ]);
  });

  it('round-trips every relationship with its type, properties and stable id <folder>/<file>:<line>', async () => {
    await importFolder(db, fixture, quiet, TEST_DATASET);

    expect(await readRelationships()).toEqual([
      { from: 'Organization:o1', type: 'OPERATES_IN', to: 'ayacucho', properties: { id: 'neo4j-admin/OPERATES_IN.csv:2' } },
      { from: 'Organization:o2', type: 'OPERATES_IN', to: 'lima', properties: { id: 'neo4j-admin/OPERATES_IN.csv:3' } },
      {
        from: 'Person:p1',
        type: 'PARTICIPATED_IN',
        to: 'Event:e1',
        properties: { id: 'neo4j-admin/PARTICIPATED_IN.csv:2', role: 'captured' },
      },
      {
        from: 'Phone:+51 999 111 222',
        type: 'CALLED',
        to: 'Phone:+51 999 333 444',
        properties: { id: 'neo4j-admin/calls-part1.csv:1', at: 'localdatetime:1992-09-12T18:30:00', seconds: 'int:125' },
      },
      {
        from: 'Person:p1',
        type: 'LEADER_OF',
        to: 'Organization:o1',
        properties: { id: 'neo4j-admin/member_of.csv:2', since: 'date:1969-01-01', role: 'founder' },
      },
      { from: 'Person:p2', type: 'MEMBER_OF', to: 'Organization:o1', properties: { id: 'neo4j-admin/member_of.csv:3' } },
      {
        from: 'Person:p3',
        type: 'MEMBER_OF',
        to: 'Organization:o1',
        properties: { id: 'neo4j-admin/member_of.csv:4', since: 'date:1980-05-17', role: 'Comité "Central"' },
      },
    ]);
  });

  it('reports counts by label and type', async () => {
    const outcome = await importFolder(db, fixture, quiet, TEST_DATASET);

    expect(outcome).toMatchObject({
      labels: { Person: 3, Suspect: 2, Organization: 2, Phone: 2, Location: 2, Event: 2 },
      types: { MEMBER_OF: 2, LEADER_OF: 1, CALLED: 1, OPERATES_IN: 2, PARTICIPATED_IN: 1 },
    });
  });

  it('records the import, and a re-run of the same files says already imported and writes nothing', async () => {
    const first = await importFolder(db, fixture, quiet, TEST_DATASET);
    const before = await graphCounts(db);

    const second = await importFolder(db, fixture, quiet, TEST_DATASET);

    expect(second).toMatchObject({ status: 'already-imported', id: first.id });
    expect(await graphCounts(db)).toEqual(before);
    const { records } = await db.driver.executeQuery(
      'MATCH (i:Import) RETURN i.id AS id, i.folder AS folder, i.files AS files, i.nodes AS nodes, i.relationships AS relationships, i.completedAt AS completedAt',
      {},
      { database: db.name },
    );
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.get('id')).toMatch(/^csv-test:[0-9a-f]{64}$/);
    // The folder's name only: the importer's absolute path says who ran it where, and the console can read it.
    expect(record.get('folder')).toBe('neo4j-admin');
    expect(record.get('files')).toContain('Phone_header.csv');
    expect(record.get('nodes').toNumber()).toBe(11);
    expect(record.get('relationships').toNumber()).toBe(7);
    expect(neo4j.isDateTime(record.get('completedAt'))).toBe(true);
  });

  it('updates a node whose id an earlier import wrote: new properties and labels added, others kept', async () => {
    await importFolder(db, fixture, quiet, TEST_DATASET);
    const before = await graphCounts(db);
    const update = folderWith('update', {
      'persons.csv': 'personId:ID(Person),name,nickname,:LABEL\np1,Manuel Rubén Abimael Guzmán Reinoso,Gonzalo,Leader\n',
    });

    await importFolder(db, update, quiet, TEST_DATASET);

    const after = await graphCounts(db);
    expect(after).toEqual({ nodes: before.nodes + 1, relationships: before.relationships });
    const p1 = (await readNodes()).find((node) => node.properties.id === 'Person:p1')!;
    expect(p1.labels).toEqual(['Entity', 'Leader', 'Person', 'Suspect']);
    expect(p1.properties).toMatchObject({ name: 'Manuel Rubén Abimael Guzmán Reinoso', nickname: 'Gonzalo', age: 'int:85' });
  });

  it('writes dates and integers (sent to Neo4j as text) as the values their fields hold, new dataset or added to', async () => {
    const folder = folderWith('extremes', {
      'persons.csv':
        ':ID(Person),big:long,small:byte,born:date,scores:int[]\np1,9223372036854775807,+7, 2020-02-29 ,1;2\np2,-9223372036854775808,007,1900-01-01,\n',
      'knows.csv': ':START_ID(Person),:END_ID(Person),:TYPE,calls:int,since:date\np1,p2,KNOWS,-2147483648,0001-01-01\n',
    });
    const added = folderWith('added', {
      'persons.csv': ':ID(Person),big:long,since:date\np3,9007199254740993,9999-12-31\n',
      'knows.csv': ':START_ID(Person),:END_ID(Person),:TYPE,calls:long\np3,p1,KNOWS,9007199254740993\n',
    });

    await importFolder(db, folder, quiet, TEST_DATASET);
    await importFolder(db, added, quiet, TEST_DATASET);

    expect((await readNodes()).map((node) => node.properties)).toEqual([
      { id: 'Person:p1', big: 'int:9223372036854775807', small: 'int:7', born: 'date:2020-02-29', scores: ['int:1', 'int:2'] },
      { id: 'Person:p2', big: 'int:-9223372036854775808', small: 'int:7', born: 'date:1900-01-01' },
      { id: 'Person:p3', big: 'int:9007199254740993', since: 'date:9999-12-31' },
    ]);
    expect((await readRelationships()).map((relationship) => relationship.properties)).toEqual([
      { id: 'added/knows.csv:2', calls: 'int:9007199254740993' },
      { id: 'extremes/knows.csv:2', calls: 'int:-2147483648', since: 'date:0001-01-01' },
    ]);
  });

  it('takes a quote inside an unquoted field literally, as neo4j-admin does', async () => {
    const folder = folderWith('quotes', { 'Person.csv': ':ID(Person),name\np7,Juan "Cholo" Pérez\n' });

    await importFolder(db, folder, quiet, TEST_DATASET);

    expect(await readNodes()).toEqual([{ labels: ['Entity', 'Person'], properties: { id: 'Person:p7', name: 'Juan "Cholo" Pérez' } }]);
  });

  it('reads a file that starts with a UTF-8 byte order mark, as spreadsheet exports do', async () => {
    const folder = folderWith('bom', { 'Person.csv': Buffer.from('\ufeff:ID(Person),name\np8,José\n', 'utf8') });

    await importFolder(db, folder, quiet, TEST_DATASET);

    expect(await readNodes()).toEqual([{ labels: ['Entity', 'Person'], properties: { id: 'Person:p8', name: 'José' } }]);
  });

  it('keeps a column named __proto__ as a property like any other', async () => {
    const folder = folderWith('proto', {
      'Person.csv': ':ID(Person),__proto__,name\np9,x,Ana\n',
      'KNOWS.csv': ':START_ID(Person),:END_ID(Person),__proto__\np9,p9,y\n',
    });

    await importFolder(db, folder, quiet, TEST_DATASET);

    expect(await readNodes()).toEqual([{ labels: ['Entity', 'Person'], properties: { id: 'Person:p9', ['__proto__']: 'x', name: 'Ana' } }]);
    expect((await readRelationships())[0]?.properties).toEqual({ id: 'proto/KNOWS.csv:2', ['__proto__']: 'y' });
  });

  it('drops empty array elements: "a;;b" is ["a", "b"], and a field of only ";" sets no property', async () => {
    const folder = folderWith('arrays', { 'Person.csv': ':ID,tags:string[],scores:int[]\np1,a;;b;,1;;2\np2,;,;\n' });

    await importFolder(db, folder, quiet, TEST_DATASET);

    expect(await readNodes()).toEqual([
      { labels: ['Entity', 'Person'], properties: { id: 'p1', tags: ['a', 'b'], scores: ['int:1', 'int:2'] } },
      { labels: ['Entity', 'Person'], properties: { id: 'p2' } },
    ]);
  });

  it('reads files whose lines end with CR alone, with the right line numbers', async () => {
    const folder = folderWith('classic-mac', { 'Person.csv': ':ID,name\rp1,Ana\rp2,"Luis\rPérez"\rp3,Rosa\r' });

    await importFolder(db, folder, quiet, TEST_DATASET);

    expect((await readNodes()).map((node) => node.properties)).toEqual([
      { id: 'p1', name: 'Ana' },
      { id: 'p2', name: 'Luis\rPérez' },
      { id: 'p3', name: 'Rosa' },
    ]);
    const bad = folderWith('classic-mac-bad', { 'Person.csv': ':ID,age:int\rp1,3\rp2,"x\ry"\rp3,z\r' });
    await expect(importFolder(db, bad, quiet, TEST_DATASET)).rejects.toThrow(`${path.join(bad, 'Person.csv')}:3: column "age": "x\ry" is not an integer (int)`);
  });

  it('links each relationship to its own ends across node batches, the same raw id in two ID spaces apart', async () => {
    // One batch more than fits: the last nodes are written by a batch of their own, after the relationships' first ends.
    const people = BATCH_ROWS + 5;
    const persons = Array.from({ length: people }, (_, i) => `p${i},Person`);
    // Ties from the first batch's nodes to the last batch's and back (every 97th person, and the last five).
    const tied = Array.from({ length: people }, (_, i) => i).filter((i) => i % 97 === 0 || i >= people - 5);
    const ties = tied.map((i) => `p${i},p${people - 1 - i},KNOWS`);
    const folder = folderWith('batches', {
      'persons.csv': [':ID(Person),:LABEL', ...persons].join('\n'),
      // The raw ids p0 and p1 again, in another ID space: other nodes.
      'organizations.csv': ':ID(Organization),:LABEL\np0,Organization\np1,Organization',
      'knows.csv': [':START_ID(Person),:END_ID(Person),:TYPE', ...ties].join('\n'),
      'member_of.csv': `:START_ID(Person),:END_ID(Organization),:TYPE\np${people - 1},p0,MEMBER_OF\np0,p1,MEMBER_OF\np0,p0,MEMBER_OF`,
    });

    const outcome = await importFolder(db, folder, quiet, TEST_DATASET);

    expect(outcome).toMatchObject({ nodes: people + 2, relationships: ties.length + 3 });
    const expected = new Map<string, string>(ties.map((tie, i) => [`batches/knows.csv:${i + 2}`, tie]));
    expected.set('batches/member_of.csv:2', `p${people - 1},Organization:p0`);
    expected.set('batches/member_of.csv:3', 'p0,Organization:p1');
    expected.set('batches/member_of.csv:4', 'p0,Organization:p0');
    const { records } = await db.driver.executeQuery(
      'MATCH (a)-[r]->(b) RETURN r.__nexo_id AS id, a.__nexo_id AS from, b.__nexo_id AS to, type(r) AS type',
      {},
      { database: db.name },
    );
    const local = (key: string): string => key.slice(`${TEST_DATASET.id}::`.length);
    const written = new Map(
      records.map((record) => {
        const [from, to] = [local(record.get('from')), local(record.get('to'))];
        const end = to.startsWith('Organization:') ? to : to.slice('Person:'.length);
        return [
          local(record.get('id')),
          record.get('type') === 'KNOWS' ? `${from.slice('Person:'.length)},${end},KNOWS` : `${from.slice('Person:'.length)},${end}`,
        ];
      }),
    );
    expect(written).toEqual(expected);
  });

  it('writes every relationship once when batches in flight together link the same nodes', async () => {
    // Several batches of ties among five people, so concurrent batches lock the same nodes (a deadlock is retried).
    const people = 5;
    const count = 2 * BATCH_ROWS + 7;
    const ties = Array.from({ length: count }, (_, i) => [`p${i % people}`, `p${(i * 3 + 1) % people}`, i] as const);
    const folder = folderWith('shared', {
      'persons.csv': [':ID(Person),:LABEL', ...Array.from({ length: people }, (_, i) => `p${i},Person`)].join('\n'),
      'called.csv': [':START_ID(Person),:END_ID(Person),:TYPE,n:int', ...ties.map(([from, to, n]) => `${from},${to},CALLED,${n}`)].join('\n'),
    });

    await importFolder(db, folder, quiet, TEST_DATASET);

    const { records } = await db.driver.executeQuery(
      'MATCH (a)-[r:CALLED]->(b) RETURN a.__nexo_id AS from, b.__nexo_id AS to, r.n AS n, r.__nexo_id AS id ORDER BY n',
      {},
      { database: db.name },
    );
    const person = (key: string): string => key.slice(`${TEST_DATASET.id}::Person:`.length);
    expect(records.map((record) => [person(record.get('from')), person(record.get('to')), record.get('n').toNumber()])).toEqual(
      ties.map(([from, to, n]) => [from, to, n]),
    );
    expect(new Set(records.map((record) => record.get('id'))).size).toBe(count);
  });

  it('links to nodes that only the database holds', async () => {
    await importFolder(db, fixture, quiet, TEST_DATASET);
    const before = await graphCounts(db);
    const links = folderWith('links', { 'FINANCED.csv': ':START_ID(Person),:END_ID(Organization),amount:double\np2,o2,1500.5\n' });

    await importFolder(db, links, quiet, TEST_DATASET);

    expect(await graphCounts(db)).toEqual({ nodes: before.nodes + 1, relationships: before.relationships + 1 });
    const financed = (await readRelationships()).find((rel) => rel.type === 'FINANCED');
    expect(financed).toEqual({
      from: 'Person:p2',
      type: 'FINANCED',
      to: 'Organization:o2',
      properties: { id: 'links/FINANCED.csv:2', amount: 'float:1500.5' },
    });
  });
});

describe('bad input fails with file, line and reason, and writes nothing', () => {
  const persons = 'personId:ID(Person),name,age:int\np1,Ana,30\np2,Luis,41\n';

  beforeAll(async () => {
    await emptyDatabase(db);
    await importFolder(db, fixture, quiet, TEST_DATASET);
    // A source document as the dataset loader writes it: an import must not collide with its id.
    await db.driver.executeQuery("CREATE (:Source {id: 'people-of-peru', title: 'Organised crime in Peru'})", {}, { database: db.name });
  });

  it('names a missing folder', async () => {
    const before = await graphCounts(db);
    const missing = path.join(scratch, 'no-such-folder');

    await expect(importFolder(db, missing, quiet, TEST_DATASET)).rejects.toThrow(`${missing}: folder not found`);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('names a folder without CSV files', async () => {
    const before = await graphCounts(db);
    const folder = folderWith('notes', { 'readme.txt': 'nothing to import' });

    await expect(importFolder(db, folder, quiet, TEST_DATASET)).rejects.toThrow(`${folder}: no .csv files in this folder`);
    expect(await graphCounts(db)).toEqual(before);
  });

  it.each([
    [
      'an unknown type',
      { 'persons.csv': 'personId:ID(Person),name:strin\np1,Ana\n' },
      'persons.csv:1: column 2 "name:strin": unknown type or header token "strin"',
    ],
    [
      'an unknown header token',
      { 'persons.csv': ':ID,name,:LABELS\np1,Ana,Person\n' },
      'persons.csv:1: column 3 ":LABELS": unknown type or header token "LABELS"',
    ],
    ['a duplicate id', { 'persons.csv': `${persons}p1,Ana again,31\n` }, 'persons.csv:4: duplicate id "Person:p1"'],
    [
      'several problems, by the first of them',
      { 'persons.csv': `${persons}p3,Rosa,old\np1,Ana again,31\n`, 'KNOWS.csv': ':START_ID(Person),:END_ID(Person)\np1,p404\n' },
      'persons.csv:4: column "age": "old" is not an integer (int)',
    ],
    ['a duplicate id across files', { 'persons.csv': persons, 'more.csv': ':ID(Person),:LABEL\np2,Suspect\n' }, 'persons.csv:3: duplicate id "Person:p2"'],
    [
      'a relationship end that is neither in the files nor in the database',
      { 'persons.csv': persons, 'KNOWS.csv': ':START_ID(Person),:END_ID(Person)\np1,p2\np2,p404\n' },
      'KNOWS.csv:3: relationship end "Person:p404" is not a node of this import nor of the database',
    ],
    [
      'a malformed integer',
      { 'persons.csv': 'personId:ID(Person),name,age:int\np1,Ana,thirty\n' },
      'persons.csv:2: column "age": "thirty" is not an integer (int)',
    ],
    ['a malformed double', { 'places.csv': ':ID,lat:double\nlima,"-12,04"\n' }, 'places.csv:2: column "lat": "-12,04" is not a number (double)'],
    ['a malformed boolean', { 'persons.csv': ':ID,alive:boolean\np1,yes\n' }, 'persons.csv:2: column "alive": "yes" is not a boolean (true or false)'],
    [
      'a malformed date',
      { 'persons.csv': ':ID,born:date\np1,1934-12-03\np2,03/12/1934\n' },
      'persons.csv:3: column "born": "03/12/1934" is not a date (YYYY-MM-DD…)',
    ],
    ['a malformed array element', { 'persons.csv': ':ID,scores:int[]\np1,1;2;x\n' }, 'persons.csv:2: column "scores": "x" is not an integer (int)'],
    ['invalid UTF-8', { 'persons.csv': Buffer.from(':ID,name\np1,Ana\np2,Jos\xe9\n', 'latin1') }, 'persons.csv:3: invalid UTF-8'],
    [
      'invalid UTF-8 in a file with CR line endings',
      { 'persons.csv': Buffer.from(':ID,name\rp1,Ana\rp2,Jos\xe9\r', 'latin1') },
      'persons.csv:3: invalid UTF-8',
    ],
    ['an empty file', { 'persons.csv': persons, 'KNOWS.csv': '' }, 'KNOWS.csv:1: empty file'],
    ['too many fields', { 'persons.csv': `${persons}p3,Rosa,22,extra\n` }, 'persons.csv:4: expected 3 fields as in the header, found 4'],
    ['too few fields', { 'persons.csv': 'personId:ID(Person),name,age:int\np1,Ana\n' }, 'persons.csv:2: expected 3 fields as in the header, found 2'],
    ['an unclosed quote', { 'persons.csv': ':ID,name\np1,"Ana\np2,Luis\n' }, 'persons.csv:2: a quoted field opened on this line is not closed'],
    ['an empty id', { 'persons.csv': ':ID,name\n,Ana\n' }, 'persons.csv:2: empty :ID field'],
    [
      'a header file with data in it',
      { 'persons_header.csv': ':ID,name\np1,Ana\n', 'persons-1.csv': 'p2,Luis\n' },
      'persons_header.csv:2: a header file holds only the header line',
    ],
    ['a header file without data files', { 'persons_header.csv': ':ID,name\n' }, 'persons_header.csv: header file without data files (name them persons*.csv)'],
    ['a NUL character in a label', { 'persons.csv': ':ID,:LABEL\np1,Per\0son\n' }, 'persons.csv:2: label "Per\\0son" contains a NUL character'],
    [
      'a NUL character in a relationship type',
      { 'persons.csv': persons, 'links.csv': ':START_ID(Person),:END_ID(Person),:TYPE\np1,p2,KNO\0WS\n' },
      'links.csv:2: type "KNO\\0WS" contains a NUL character',
    ],
    ['a NUL character in a property name', { 'persons.csv': ':ID,na\0me\np1,Ana\n' }, 'persons.csv:1: column 2 "na\\0me": a NUL character in a name'],
    [
      'the label Source, which Nexo keeps for source documents',
      { 'persons.csv': ':ID,:LABEL\npeople-of-peru,Source\n' },
      'persons.csv:2: label "Source" is reserved for Nexo\'s source documents',
    ],
    [
      'the label Entity, which every node Nexo stores has (an export leaves it out)',
      { 'persons.csv': ':ID,:LABEL\np1,Entity\n' },
      'persons.csv:2: label "Entity" is reserved for every node Nexo stores (an export could not give it back)',
    ],
    [
      'the label Import, which Nexo keeps for import records',
      { 'Import.csv': ':ID,name\ni1,Ana\n' },
      'Import.csv:2: label "Import" is reserved for Nexo\'s import records',
    ],
    [
      'a data part that starts with its own header line',
      { 'Person_header.csv': ':ID(Person),name\n', 'Person-1.csv': 'p1,Ana\n', 'PersonAlias.csv': ':ID(Person),alias\np2,Ali\n' },
      'PersonAlias.csv:1: this file is read as rows of Person_header.csv (its name starts with "Person"), but its first line is a header',
    ],
    [
      'an id longer than the API can open',
      { 'persons.csv': `:ID(Person),name\n${'x'.repeat(494)},Ana\n` },
      'persons.csv:2: the id "Person:xxxxxxxxxxxxx…" has 501 characters; Nexo opens ids of up to 500',
    ],
    [
      'a file name that gives no label',
      { 'my persons.csv': ':ID,name\np1,Ana\n' },
      'my persons.csv:1: no :LABEL column, and the file name gives no usable label ("my persons")',
    ],
  ] as [string, Record<string, string | Buffer>, string][])('rejects %s', async (_situation, files, message) => {
    const before = await graphCounts(db);
    const folder = folderWith('bad', files);

    const attempt = importFolder(db, folder, quiet, TEST_DATASET);

    await expect(attempt).rejects.toThrow(ImportError);
    await expect(attempt).rejects.toThrow(`${path.join(folder, message)}`);
    expect(await graphCounts(db)).toEqual(before);
  });
});
