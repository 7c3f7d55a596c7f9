import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { projectRoot } from '../../projectRoot.js';
import yazl from 'yazl';
import { zipArchive } from '../export/zip.js';
import { tempWorkbook, type TestSheet } from '../import/formats/testing.js';
import { applySchema } from '../load/load.service.js';

const db = openTestDatabase();
const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'nexo-uploads-'));
const graphml = readFileSync(path.join(projectRoot, 'data', 'examples', 'network.graphml'), 'utf8');
const TOKEN = 'c2b1e6f09d4a7e35b8f1c0d9a6e4b7f2';
let app: RunningApp;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers checked field by field
type Json = any;

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000', NEXO_UPLOAD_DIR: uploadDir });
});

afterAll(async () => {
  await app.close();
  await db.close();
});

function form(files: Record<string, string | Uint8Array<ArrayBuffer>>): FormData {
  const body = new FormData();
  for (const [name, content] of Object.entries(files)) body.append('files', new Blob([content]), name);
  return body;
}

async function send(
  base: string,
  method: string,
  route: string,
  body?: FormData | object,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: Json }> {
  const init: RequestInit =
    body instanceof FormData
      ? { method, body, headers }
      : { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined };
  const response = await fetch(`${base}${route}`, init);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Json };
}

/** Polls an upload until it leaves `state`. */
async function settled(id: string, state: 'checking' | 'importing', base = app.base, headers: Record<string, string> = {}): Promise<Json> {
  for (;;) {
    const { status, body } = await send(base, 'GET', `/api/uploads/${id}`, undefined, headers);
    expect(status).toBe(200);
    if (body.state !== state) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function upload(files: Record<string, string | Uint8Array<ArrayBuffer>>, query = ''): Promise<Json> {
  const answer = await send(app.base, 'POST', `/api/uploads${query}`, form(files));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return settled(answer.body.id, 'checking');
}

async function datasetIds(): Promise<string[]> {
  return (await send(app.base, 'GET', '/api/datasets')).body.datasets.map((dataset: { id: string }) => dataset.id);
}

async function nodesOf(dataset: string): Promise<number> {
  const { records } = await db.driver.executeQuery('MATCH (n {__nexo_dataset: $dataset}) RETURN count(n) AS count', { dataset }, { database: db.name });
  return records[0]!.get('count').toNumber();
}

/** A zip of the given text files, deflated, as the export writes one. */
async function zipOf(entries: Record<string, string>): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of zipArchive(Object.entries(entries).map(([name, content]) => ({ name, content })))) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('importing a GraphML file from the browser', () => {
  let id: string;

  it('previews it as it will be read: format, counts per label and type, first rows, no problems', async () => {
    const preview = await upload({ 'network.graphml': graphml });
    id = preview.id;
    expect(preview.state).toBe('ready');
    expect(preview.files).toEqual([{ name: 'network.graphml', bytes: Buffer.byteLength(graphml) }]);
    expect(preview.suggestedDataset).toBe('network');
    expect(preview.preview).toMatchObject({
      format: 'graphml',
      nodes: 12,
      relationships: 14,
      undirected: 12,
      labels: { Person: 10, Company: 1, Place: 1 },
      types: { TIE: 11, MET_AT: 2, REPRESENTS: 1 },
      problems: [],
    });
    const rows = preview.preview.rows;
    expect(rows.filter((row: Json) => row.kind === 'node')).toHaveLength(10);
    expect(rows.filter((row: Json) => row.kind === 'relationship')).toHaveLength(10);
    expect(rows[0]).toEqual({
      kind: 'node',
      file: 'network.graphml',
      line: 15,
      key: 'n1',
      labels: ['Person'],
      caption: 'Ana Ruiz',
      properties: { name: 'Ana Ruiz', role: 'organiser', age: 48, type: 'Person' },
    });
    expect(rows.find((row: Json) => row.kind === 'relationship')).toEqual({
      kind: 'relationship',
      file: 'network.graphml',
      line: 27,
      start: 'n1',
      end: 'n2',
      type: 'TIE',
      undirected: true,
      properties: { weight: 14, evidence: 'wiretap W-7' },
    });
  });

  it('imports it exactly into a new dataset with progress, searchable at once, and removes the files', async () => {
    const started = await send(app.base, 'POST', `/api/uploads/${id}/import`, { dataset: 'puerto-claro', name: 'Puerto Claro' });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.state).toBe('importing');
    const done = await settled(id, 'importing');
    expect(done.state).toBe('imported');
    expect(done.import).toMatchObject({ dataset: 'puerto-claro', name: 'Puerto Claro', phase: 'done', nodes: 12, relationships: 14 });
    const listed = (await send(app.base, 'GET', '/api/datasets')).body.datasets.find((dataset: Json) => dataset.id === 'puerto-claro');
    expect(listed).toMatchObject({ name: 'Puerto Claro', nodes: 12, relationships: 14, format: 'graphml', source: 'network.graphml' });
    const found = await send(app.base, 'GET', '/api/search?q=Elena%20Soto&dataset=puerto-claro');
    expect(found.body.results.map((node: Json) => [node.id, node.properties])).toEqual([
      ['puerto-claro::n5', { name: 'Elena Soto', role: 'broker', age: 51, type: 'Person' }],
    ]);
    const ties = await send(app.base, 'GET', `/api/nodes/${encodeURIComponent('puerto-claro::n8')}/neighbours`);
    expect(ties.status).toBe(200);
    expect(ties.body.edges.find((edge: Json) => edge.properties.evidence === 'bank record B-22')).toMatchObject({
      source: 'puerto-claro::n8',
      target: 'puerto-claro::n9',
      properties: { weight: 1500.5 },
    });
    expect(readdirSync(uploadDir)).not.toContain(id);
  });

  it('refuses a second import of the same upload and a dataset name that exists', async () => {
    expect((await send(app.base, 'POST', `/api/uploads/${id}/import`, { dataset: 'again' })).status).toBe(409);
    const other = await upload({ 'network.graphml': graphml });
    const taken = await send(app.base, 'POST', `/api/uploads/${other.id}/import`, { dataset: 'puerto-claro' });
    expect(taken.status).toBe(409);
    expect(taken.type).toMatch(/^application\/problem\+json/);
    expect(taken.body).toMatchObject({ title: 'Dataset exists', dataset: 'puerto-claro' });
    expect((await send(app.base, 'DELETE', `/api/uploads/${other.id}`)).status).toBe(200);
    expect(readdirSync(uploadDir)).not.toContain(other.id);
    expect((await send(app.base, 'GET', `/api/uploads/${other.id}`)).status).toBe(404);
  });
});

describe('bad files', () => {
  it('refuses a truncated GraphML file with file:line:column, and importing it writes nothing', async () => {
    const truncated = graphml.slice(0, graphml.indexOf('<edge id="e5"') + 20);
    const preview = await upload({ 'truncated.graphml': truncated });
    expect(preview.state).toBe('refused');
    expect(preview.preview.problems).toHaveLength(1);
    const [problem] = preview.preview.problems;
    expect(problem).toMatchObject({ file: 'truncated.graphml', line: 31 });
    expect(problem.message).toBe('truncated.graphml:31: malformed XML: unclosed tag: graph (the file ends here)');
    const refused = await send(app.base, 'POST', `/api/uploads/${preview.id}/import`, { dataset: 'truncated' });
    expect(refused.status).toBe(422);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    expect(refused.body.problems).toEqual(preview.preview.problems);
    expect(await datasetIds()).not.toContain('truncated');
    expect(await nodesOf('truncated')).toBe(0);
  });

  it('names the problem of every bad file, not only the first', async () => {
    const network = (nodes: string) =>
      `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="age" for="node" attr.name="age" attr.type="int"/>\n<graph edgedefault="directed">\n${nodes}\n</graph>\n</graphml>\n`;
    const preview = await upload({
      'a.graphml': network('<node id="a1"/>'),
      'b.graphml': network('<node id="b1"/>').slice(0, -12),
      'c.graphml': network('<node id="c1"><data key="age">forty</data></node>'),
    });
    expect(preview.state).toBe('refused');
    expect(preview.preview.format).toBe('graphml');
    expect(preview.preview.problems.map((problem: Json) => [problem.file, problem.line])).toEqual([
      ['b.graphml', 5],
      ['c.graphml', 4],
    ]);
  });

  it('previews a JSON graph as json, an integer past 2^53 exactly, and refuses a truncated one with its line', async () => {
    const graph = '{"directed": true, "nodes": [\n{"id": "a", "phone": 9007199254740993},\n{"id": "b"}],\n"links": [{"source": "a", "target": "b"}]}';
    const preview = await upload({ 'network.json': graph });
    expect(preview.preview).toMatchObject({ format: 'json', nodes: 2, relationships: 1, problems: [] });
    expect(preview.preview.rows[0].properties).toEqual({ phone: '9007199254740993' });
    const truncated = await upload({ 'network.json': graph.slice(0, 60) });
    expect(truncated.state).toBe('refused');
    expect(truncated.preview.problems.map((problem: Json) => problem.message)).toEqual([
      'network.json:2: malformed JSON: the file ends before the JSON is complete (inside "nodes")',
    ]);
  });

  it('lists every problem of a file with its line: bad values, duplicate ids and missing ends, read on past each', async () => {
    const network = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="age" for="node" attr.name="age" attr.type="int"/>
<graph edgedefault="directed">
<node id="a"><data key="age">forty</data></node>
<node id="b"/>
<node id="b"/>
<node id="c"><data key="age">4.5</data></node>
<edge source="a" target="ghost"/>
<edge source="a" target="c"/>
</graph>
</graphml>
`;
    const preview = await upload({ 'bad.graphml': network });
    expect(preview.state).toBe('refused');
    expect(preview.preview.problems.map((problem: Json) => problem.message.replace(/^(bad\.graphml:\d+):\d+:/, '$1:'))).toEqual([
      'bad.graphml:4: node data "age" (key age): "forty" is not an integer',
      'bad.graphml:6: duplicate id "b"',
      'bad.graphml:7: node data "age" (key age): "4.5" is not an integer',
      'bad.graphml:8: relationship end "ghost" is not a node of this import',
    ]);
    // A bad value spoils that value only, so a, b (once) and c are nodes, and the tie a → c is no problem.
    expect(preview.preview).toMatchObject({ nodes: 3, relationships: 2 });
  });

  it('lists the first 100 problems of a file, then says how many more', async () => {
    const lines = ['source,target,weight', ...Array.from({ length: 130 }, (_, index) => `p${index},q${index},${index < 125 ? 'heavy' : '1'}`), ',x,1'];
    const preview = await upload({ 'ties.csv': `${lines.join('\n')}\n` });
    expect(preview.state).toBe('refused');
    const problems = preview.preview.problems;
    expect(problems).toHaveLength(101);
    expect(problems[0]).toMatchObject({ file: 'ties.csv', line: 2, column: 3, message: 'ties.csv:2:3: weight "heavy" is not a number' });
    expect(problems[99]).toMatchObject({ line: 101 });
    expect(problems[100]).toEqual({
      file: 'ties.csv',
      reason: 'and 26 more problems (the first 100 are listed)',
      message: 'ties.csv: and 26 more problems (the first 100 are listed)',
      more: 26,
    });
  });

  it('says which format to name when none can be told, and reads the files again with the named one', async () => {
    // Ties without a header line are read so, and the preview says so.
    const numbered = await upload({ 'ties.txt': '1 2\n2 3\n' });
    expect(numbered.preview).toMatchObject({ format: 'edgelist', nodes: 3, relationships: 2 });
    expect(numbered.preview.notes).toEqual(['ties.txt: no header line; its first line is read as a tie (source, target, weight)']);
    // Two names a line, none named again: the first line could be column names, so nothing is guessed.
    const preview = await upload({ 'ties.txt': 'ana bruno\ncarla diego\n' });
    expect(preview.state).toBe('refused');
    expect(preview.preview.format).toBeNull();
    expect(preview.preview.problems[0].message).toMatch(/^ties\.txt: unknown format/);
    const recheck = await send(app.base, 'POST', `/api/uploads/${preview.id}/check`, { format: 'pajek' });
    expect(recheck.status).toBe(200);
    const again = await settled(preview.id, 'checking');
    expect(again.options.format).toBe('pajek');
    expect(again.preview.format).toBe('pajek');
    expect(again.state).toBe('refused');

    // A space-separated list without header (as KONECT and NetworkX write them), its kinds named by the user.
    const named = await send(app.base, 'POST', `/api/uploads/${preview.id}/check`, { format: 'edgelist', headerless: true, label: 'Phone', type: 'CALLED' });
    expect(named.status).toBe(200);
    const read = await settled(preview.id, 'checking');
    expect(read.state).toBe('ready');
    expect(read.options).toMatchObject({ format: 'edgelist', headerless: true, label: 'Phone', columnLabel: null, type: 'CALLED' });
    expect(read.preview).toMatchObject({ nodes: 4, relationships: 2, labels: { Phone: 4 }, types: { CALLED: 2 } });
    const reserved = await send(app.base, 'POST', `/api/uploads/${preview.id}/check`, { format: 'edgelist', label: 'Entity' });
    expect(reserved.status).toBe(400);
    expect(reserved.type).toMatch(/^application\/problem\+json/);
    expect(reserved.body.detail).toMatch(/label.*not usable as a label/);
  });
});

describe('every problem of Pajek, UCINET and neo4j-admin CSV files', () => {
  /** Uploads the files, expects the preview to list exactly `messages`, then an import of them to be refused with nothing written. */
  async function refusedWithEvery(files: Record<string, string>, messages: string[], dataset: string): Promise<Json> {
    const preview = await upload(files);
    expect(preview.state).toBe('refused');
    expect(preview.preview.problems.map((problem: Json) => problem.message)).toEqual(messages);
    const refused = await send(app.base, 'POST', `/api/uploads/${preview.id}/import`, { dataset });
    expect(refused.status).toBe(422);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    expect(refused.body.problems).toEqual(preview.preview.problems);
    expect(await datasetIds()).not.toContain(dataset);
    expect(await nodesOf(dataset)).toBe(0);
    return preview.preview;
  }

  it('Pajek: an unclosed label, a bad weight and an unknown vertex, each with file:line:column', async () => {
    const net = '*Vertices 3\n1 "Ana"\n2 "Bruno\n3 "Carla"\n*Arcs\n1 2 heavy\n1 7\n2 3 1\n';
    const preview = await refusedWithEvery(
      { 'bad.net': net },
      [
        'bad.net:3:3: a quoted label is not closed',
        'bad.net:6:5: weight "heavy" is not a number',
        'bad.net:7:3: unknown vertex "7" (the network has vertices 1 to 3)',
      ],
      'bad-pajek',
    );
    // Each bad line is left out, and only it: vertex 2 is still a node (it has no line of its own), the tie 2 → 3 is read.
    expect(preview).toMatchObject({ format: 'pajek', nodes: 3, relationships: 1 });
  });

  it('UCINET: a non-numeric cell, a row label that differs and another bad cell, each with file:line:column', async () => {
    const dl = 'dl n=3\nformat = fullmatrix\nlabels embedded\ndata:\nana bob cy\nana 0 1 x\nbobby 1 0 1\ncy 0 ? 0\n';
    const preview = await refusedWithEvery(
      { 'bad.dl': dl },
      ['bad.dl:6:9: cell "x" is not a number', 'bad.dl:7:1: row label "bobby" differs from column label 2 "bob"', 'bad.dl:8:6: cell "?" is not a number'],
      'bad-ucinet',
    );
    expect(preview).toMatchObject({ format: 'ucinet', nodes: 3, relationships: 3 });
  });

  it('neo4j-admin CSV: a bad value, a duplicate id and a missing end, across files', async () => {
    const preview = await refusedWithEvery(
      {
        'persons.csv': 'personId:ID(Person),name,age:int\np1,Ana,30\np2,Luis,forty\np1,Ana again,31\np3,Rosa,22\n',
        'KNOWS.csv': ':START_ID(Person),:END_ID(Person)\np1,p2\np2,p404\np3,p1\n',
      },
      [
        'persons.csv:3: column "age": "forty" is not an integer (int)',
        'persons.csv:4: duplicate id "Person:p1"',
        'KNOWS.csv:3: relationship end "Person:p404" is not a node of this import nor of the database',
      ],
      'bad-csv',
    );
    // p2's row is refused, yet p2 is named by it: the tie p1 → p2 is no second problem.
    expect(preview).toMatchObject({ format: 'neo4j-csv', nodes: 2, relationships: 3 });
    expect(preview.rows.filter((row: Json) => row.kind === 'node').map((row: Json) => [row.line, row.key])).toEqual([
      [2, 'Person:p1'],
      [5, 'Person:p3'],
    ]);
  });

  it('neo4j-admin CSV: a bad header leaves its file out and the other files are still checked', async () => {
    await refusedWithEvery(
      {
        'persons.csv': 'personId:ID(Person),name:strin\np1,Ana\n',
        'places.csv': ':ID(Place),name\nlima,Lima\nlima,Lima again\n',
        'VISITED.csv': ':START_ID(Person),:END_ID(Place)\np1,lima\np1,cusco\n',
      },
      [
        'persons.csv:1: column 2 "name:strin": unknown type or header token "strin"',
        'places.csv:3: duplicate id "Place:lima"',
        // persons.csv could not be read, so p1 is reported as missing once, where it is first named.
        'VISITED.csv:2: relationship end "Person:p1" is not a node of this import nor of the database',
        'VISITED.csv:3: relationship end "Place:cusco" is not a node of this import nor of the database',
      ],
      'bad-csv-header',
    );
  });
});

describe('zip files', () => {
  it('unpacks a zip of a folder and imports what it holds, flat', async () => {
    const zip = await zipOf({
      'case-7/nodes.csv': 'id,name,label\np1,Ana,Person\np2,Bruno,Person\nc1,Naviera,Company\n',
      'case-7/ties.csv': 'source,target,type\np1,p2,CALLED\np2,c1,OWNS\n',
      '__MACOSX/case-7/._ties.csv': 'resource fork',
    });
    const preview = await upload({ 'case-7.zip': zip });
    expect(preview.files.map((file: Json) => file.name)).toEqual(['nodes.csv', 'ties.csv']);
    expect(preview.suggestedDataset).toBe('case-7');
    expect(preview.state, JSON.stringify(preview.preview?.problems)).toBe('ready');
    expect(preview.preview).toMatchObject({ format: 'edgelist', nodes: 3, relationships: 2, labels: { Person: 2, Company: 1 }, types: { CALLED: 1, OWNS: 1 } });
  });

  it('refuses a zip whose files would leave the folder flat with two of one name', async () => {
    const answer = await send(app.base, 'POST', '/api/uploads', form({ 'two.zip': await zipOf({ 'a/x.csv': 'a', 'b/x.csv': 'b' }) }));
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/two files are named "x\.csv"/);
  });
});

describe('Excel workbooks', () => {
  const workbook = async (name: string, sheets: Record<string, TestSheet>): Promise<Uint8Array<ArrayBuffer>> =>
    new Uint8Array(readFileSync(await tempWorkbook(name, sheets)));
  const people: TestSheet = {
    rows: [
      ['id', 'name', 'label'],
      ['p1', 'Ana', 'Person'],
      ['p2', 'Bruno', 'Person'],
      ['c1', 'Naviera', 'Company'],
    ],
  };
  const calls: TestSheet = {
    rows: [
      ['source', 'target', 'weight', 'date'],
      ['p1', 'p2', 14, new Date(Date.UTC(2019, 0, 4))],
      ['p2', 'c1', 3],
    ],
    setUp: (sheet) => {
      sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
    },
  };

  it("previews a workbook's sheets as one edge list, named by workbook and sheet, and imports it exactly", async () => {
    const preview = await upload({ 'case.xlsx': await workbook('case.xlsx', { people, notes: { rows: [] }, calls }) });
    expect(preview.files).toEqual([{ name: 'case.xlsx', bytes: expect.any(Number) }]);
    expect(preview.state, JSON.stringify(preview.preview?.problems)).toBe('ready');
    expect(preview.preview).toMatchObject({ format: 'edgelist', nodes: 3, relationships: 2, labels: { Person: 2, Company: 1 }, types: { TIE: 2 } });
    expect(preview.preview.notes).toEqual(['case.xlsx [notes]: an empty sheet, not read']);
    expect(preview.preview.rows.find((row: Json) => row.kind === 'relationship')).toEqual({
      kind: 'relationship',
      file: 'case.xlsx [calls]',
      line: 2,
      start: 'p1',
      end: 'p2',
      type: 'TIE',
      undirected: false,
      properties: { weight: 14, date: '2019-01-04' },
    });
    const started = await send(app.base, 'POST', `/api/uploads/${preview.id}/import`, { dataset: 'case-xlsx' });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const done = await settled(preview.id, 'importing');
    expect(done.state, JSON.stringify(done.error)).toBe('imported');
    expect(done.import).toMatchObject({ nodes: 3, relationships: 2 });
    const ties = await send(app.base, 'GET', `/api/nodes/${encodeURIComponent('case-xlsx::p1')}/neighbours`);
    expect(ties.body.edges.map((edge: Json) => [edge.target, edge.properties])).toEqual([['case-xlsx::p2', { weight: 14, date: '2019-01-04' }]]);
  });

  it('refuses a bad cell with workbook [sheet]:row:column, and reads a workbook inside a zip as the workbook', async () => {
    const bad = await workbook('calls.xlsx', { calls: { rows: [['source', 'target', 'weight'], ['a', 'b', 1], undefined, ['b', 'c', 'x']] } });
    const refused = await upload({ 'calls.xlsx': bad });
    expect(refused.state).toBe('refused');
    expect(refused.preview.problems).toEqual([
      { file: 'calls.xlsx [calls]', line: 4, column: 3, reason: 'weight "x" is not a number', message: 'calls.xlsx [calls]:4:3: weight "x" is not a number' },
    ]);
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(await workbook('case.xlsx', { people, calls })), 'case-9/case.xlsx');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const zipped = await upload({ 'case-9.zip': new Uint8Array(Buffer.concat(chunks)) });
    expect(zipped.files.map((file: Json) => file.name)).toEqual(['case.xlsx']);
    expect(zipped.state, JSON.stringify(zipped.preview?.problems)).toBe('ready');
    expect(zipped.preview).toMatchObject({ format: 'edgelist', nodes: 3, relationships: 2 });
  });
});

describe('limits and access', () => {
  it('answers 413 problem+json past NEXO_UPLOAD_MAX_BYTES, whether the body says its length or the files pass it as they stream', async () => {
    const small = await startApp(db, { NEXO_UPLOAD_DIR: uploadDir, NEXO_UPLOAD_MAX_BYTES: '2048' });
    const before = readdirSync(uploadDir).sort();
    try {
      const declared = await send(small.base, 'POST', '/api/uploads', form({ 'big.graphml': 'x'.repeat(200_000) }));
      expect(declared.status).toBe(413);
      expect(declared.type).toMatch(/^application\/problem\+json/);
      expect(declared.body).toMatchObject({ status: 413, title: 'Upload too large', maxBytes: 2048 });
      const streamed = await send(small.base, 'POST', '/api/uploads', form({ 'a.net': 'x'.repeat(1500), 'b.net': 'y'.repeat(1500) }));
      expect(streamed.status).toBe(413);
      const unpacked = await send(
        small.base,
        'POST',
        '/api/uploads',
        form({ 'bomb.zip': await zipOf({ 'a.net': ' '.repeat(1500), 'b.net': ' '.repeat(1500) }) }),
      );
      expect(unpacked.status).toBe(413);
      // Refused uploads leave nothing on disk.
      expect(readdirSync(uploadDir).sort()).toEqual(before);
    } finally {
      await small.close();
    }
  });

  it('refuses uploads and imports without credentials when a token is configured', async () => {
    const guarded = await startApp(db, { NEXO_UPLOAD_DIR: uploadDir, NEXO_API_TOKEN: TOKEN, QUERY_TIMEOUT_MS: '30000' });
    const auth = { authorization: `Bearer ${TOKEN}` };
    try {
      const anonymous = await send(guarded.base, 'POST', '/api/uploads', form({ 'network.graphml': graphml }));
      expect(anonymous.status).toBe(401);
      expect(anonymous.type).toMatch(/^application\/problem\+json/);
      const accepted = await send(guarded.base, 'POST', '/api/uploads', form({ 'network.graphml': graphml }), auth);
      expect(accepted.status).toBe(200);
      await settled(accepted.body.id, 'checking', guarded.base, auth);
      const importAnonymous = await send(guarded.base, 'POST', `/api/uploads/${accepted.body.id}/import`, { dataset: 'guarded' });
      expect(importAnonymous.status).toBe(401);
      expect(await datasetIds()).not.toContain('guarded');
      expect(existsSync(path.join(uploadDir, accepted.body.id))).toBe(true);
    } finally {
      await guarded.close();
    }
  });

  it('refuses any import on a server that others can reach when it has no credentials', async () => {
    const open = await startApp(db, { NEXO_UPLOAD_DIR: uploadDir }, { host: '0.0.0.0' });
    try {
      const answer = await send(open.base, 'POST', '/api/uploads', form({ 'network.graphml': graphml }));
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ title: 'Imports need credentials' });
    } finally {
      await open.close();
    }
  });

  it('validates ids, options and bodies: 400 or 415 problem+json', async () => {
    expect((await send(app.base, 'GET', '/api/uploads/not-an-id')).status).toBe(400);
    expect((await send(app.base, 'GET', `/api/uploads/${'0'.repeat(24)}`)).status).toBe(404);
    expect((await send(app.base, 'POST', '/api/uploads?format=excel', form({ 'a.net': '*Vertices 1\n1 "A"\n' }))).status).toBe(400);
    const notMultipart = await send(app.base, 'POST', '/api/uploads', { files: [] });
    expect(notMultipart.status).toBe(415);
    expect(notMultipart.type).toMatch(/^application\/problem\+json/);
    const preview = await upload({ 'a.net': '*Vertices 1\n1 "A"\n' });
    expect((await send(app.base, 'POST', `/api/uploads/${preview.id}/import`, { dataset: 'Not An Id!' })).body).toMatchObject({
      status: 400,
      parameter: 'dataset',
    });
  });
});
