import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeByKey, readAll, refusal, tempFile, tempFolder } from './testing.js';

describe('edge-list CSV', () => {
  it('reads the example: node file first, every column verbatim, types, weights and dates', async () => {
    const read = await readAll('data/examples/edgelist');
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(16);
    const ana = nodeByKey(read, 'p1');
    expect(ana.labels).toEqual(['Person']);
    expect(ana.caption).toBe('Ana Ruiz');
    // `source` is data in a node file, like any column but id and label.
    expect(ana.properties).toEqual(
      new Map([
        ['name', 'Ana Ruiz'],
        ['role', 'organiser'],
        ['born', '1971-03-02'],
        ['source', 'court file PC-2019/044 p.12'],
      ]),
    );
    expect(nodeByKey(read, 'p10').properties.get('source')).toBe('wiretap summary W-9, line 4');
    expect(nodeByKey(read, 'c1').labels).toEqual(['Company']);
    const first = read.relationships[0]!;
    expect(first).toMatchObject({ file: 'data/examples/edgelist/ties.csv', line: 2, start: 'p1', end: 'p2', type: 'CALLED', undirected: false });
    expect(first.properties).toEqual(
      new Map<string, unknown>([
        ['weight', 14],
        ['since', '2019-01-04'],
        ['until', '2019-03-30'],
        ['evidence', 'wiretap W-7'],
      ]),
    );
    // The same pair twice is two ties (a multigraph), each with its own weight.
    const payments = read.relationships.filter((tie) => tie.start === 'p8' && tie.end === 'p9');
    expect(payments.map((tie) => tie.properties.get('weight'))).toEqual([1500.5, 900]);
    expect(read.relationships.find((tie) => tie.type === 'WORKS_FOR')!.properties.has('weight')).toBe(false);
  });

  it('makes every end a node when there is no node file, and reads a headerless file with --headerless', async () => {
    const read = await readAll('data/examples/edgelist-headerless.csv', { format: 'edgelist', headerless: true });
    expect(read.nodes.map((node) => node.key)).toEqual([
      'Ana',
      'Bruno',
      'Carla',
      'Elena',
      'Diego',
      'Gloria',
      'Felix',
      'Hugo',
      'Iris',
      'Julio',
      'Kemal',
      'Lucia',
    ]);
    expect(read.nodes.every((node) => node.labels[0] === 'Node')).toBe(true);
    expect(read.relationships).toHaveLength(12);
    expect(read.relationships[0]!.properties).toEqual(new Map([['weight', 14]]));
    expect(read.relationships[9]).toMatchObject({ start: 'Carla', end: 'Elena', line: 10 });
    expect(read.relationships[9]!.properties.size).toBe(0);
  });

  it('marks every tie undirected with --undirected, and reads a Gephi Type column as the direction', async () => {
    const undirected = await readAll(tempFile('ties.csv', 'source,target\na,b\nb,c\n'), { undirected: true });
    expect(undirected.relationships.map((tie) => tie.undirected)).toEqual([true, true]);
    const gephi = await readAll(tempFile('edges.csv', 'Source,Target,Type,Weight\na,b,Undirected,2\nb,c,Directed,1\n'));
    expect(gephi.relationships.map((tie) => [tie.type, tie.undirected, tie.properties.get('Weight')])).toEqual([
      ['TIE', true, 2],
      ['TIE', false, 1],
    ]);
  });

  it('reads semicolon files with decimal commas, tab-separated files and space-separated lists with comment lines', async () => {
    // A spreadsheet saved in a Spanish, Italian or German locale: semicolons, decimal commas, quoted fields.
    const semicolons = await readAll(
      tempFolder({
        'nodes.csv': 'id;name;label\np1;"Ruiz; Ana";Person\np2;Bruno Díaz;Person\n',
        'ties.csv': 'source;target;type;weight;amount\np1;p2;PAID;0,5;"1,5"\n',
      }),
    );
    expect(nodeByKey(semicolons, 'p1')).toMatchObject({ labels: ['Person'], caption: 'Ruiz; Ana' });
    // The weight is a number; any other column stays the text the file holds.
    expect(semicolons.relationships[0]).toMatchObject({ start: 'p1', end: 'p2', type: 'PAID' });
    expect(semicolons.relationships[0]!.properties).toEqual(
      new Map<string, unknown>([
        ['weight', 0.5],
        ['amount', '1,5'],
      ]),
    );
    const egoAlter = await readAll(tempFile('ties.csv', 'Ego,Alter,strength\nana,bob,2\n'));
    expect(egoAlter.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('strength')])).toEqual([['ana', 'bob', '2']]);
    const calls = await readAll(tempFile('calls.csv', 'caller,callee,seconds\n555-0101,555-0199,40\n'));
    expect(calls.relationships.map((tie) => [tie.start, tie.end])).toEqual([['555-0101', '555-0199']]);
    const tabs = await readAll(tempFile('calls.tsv', 'from\tto\tweight\n555-0101\t555-0199\t3\n555-0199\t555-0142\t1.25\n'));
    expect(tabs.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight')])).toEqual([
      ['555-0101', '555-0199', 3],
      ['555-0199', '555-0142', 1.25],
    ]);
    // KONECT's out.* files and NetworkX's write_edgelist: no header, runs of spaces or tabs, % or # comments.
    const konect = tempFile('out.gang', '% sym unweighted\n% 3 3 3\n1 2\n2   3\t4\n\n# a comment\n3 1\n');
    const spaced = await readAll(konect, { format: 'edgelist', headerless: true });
    expect(spaced.relationships.map((tie) => [tie.line, tie.start, tie.end, tie.properties.get('weight')])).toEqual([
      [3, '1', '2', undefined],
      [4, '2', '3', 4],
      [7, '3', '1', undefined],
    ]);
    // A comma file keeps its decimal point: "0,5" there would be two fields.
    const comma = tempFile('ties.csv', 'source,target,weight\na,b,"0,5"\n');
    expect(await refusal(comma)).toBe(`${comma}:2:3: weight "0,5" is not a number`);
  });

  it("reads Gephi's node and edge tables: Label is the name (not the kind) when there is no name column", async () => {
    const gephi = await readAll(
      tempFolder({
        'nodes.csv': 'Id,Label,timeset,Modularity Class\n1,Ana Ruiz,,0\n2,Bruno Díaz,,1\n',
        'edges.csv': 'Source,Target,Type,Id,Label,timeset,Weight\n1,2,Undirected,0,,,1.0\n',
      }),
    );
    expect(gephi.nodes.map((node) => [node.key, node.labels, node.caption, Object.fromEntries(node.properties)])).toEqual([
      ['1', ['Node'], 'Ana Ruiz', { Label: 'Ana Ruiz', 'Modularity Class': '0' }],
      ['2', ['Node'], 'Bruno Díaz', { Label: 'Bruno Díaz', 'Modularity Class': '1' }],
    ]);
    expect(gephi.relationships.map((tie) => [tie.start, tie.end, tie.undirected, tie.properties.get('Weight')])).toEqual([['1', '2', true, 1]]);
    // With a name column, or in lower case as Nexo documents node files, label stays the kind.
    const named = await readAll(tempFile('nodes.csv', 'Id,Label,name\np1,Person,Ana\n'));
    expect(named.nodes[0]).toMatchObject({ labels: ['Person'], caption: 'Ana' });
    const lower = await readAll(tempFile('nodes.csv', 'id,label\np1,Person\n'));
    expect(lower.nodes[0]!.labels).toEqual(['Person']);
  });

  it('keeps columns named like internals, __proto__ included, as data', async () => {
    const read = await readAll(tempFile('ties.csv', 'source,target,__proto__,dataset,constructor\na,b,x,y,z\n'));
    const tie = read.relationships[0]!;
    expect([...tie.properties]).toEqual([
      ['__proto__', 'x'],
      ['dataset', 'y'],
      ['constructor', 'z'],
    ]);
  });

  it('refuses a non-numeric weight with its line and column', async () => {
    const file = tempFile('ties.csv', 'source,target,weight\na,b,1\nb,c,heavy\n');
    expect(await refusal(file)).toBe(`${file}:3:3: weight "heavy" is not a number`);
  });

  it('refuses ragged rows, a missing end node and duplicate ids with file:line', async () => {
    const ragged = tempFile('ties.csv', 'source,target,weight\na,b,1\nb,c\n');
    expect(await refusal(ragged)).toBe(`${ragged}:3:3: expected 3 fields as in the header, found 2`);
    const missing = tempFolder({ 'nodes.csv': 'id,name\na,A\nb,B\n', 'ties.csv': 'source,target\na,b\nb,zed\n' });
    expect(await refusal(missing)).toBe(`${missing}/ties.csv:3: relationship end "zed" is not a node of this import`);
    const duplicate = tempFolder({ 'nodes.csv': 'id,name\na,A\nb,B\na,C\n', 'ties.csv': 'source,target\na,b\n' });
    expect(await refusal(duplicate)).toBe(`${duplicate}/nodes.csv:4: duplicate id "a"`);
  });

  it('refuses invalid UTF-8 with its line', async () => {
    const file = tempFile('ties.csv', Buffer.concat([Buffer.from('source,target\na,b\nJos'), Buffer.from([0xe9]), Buffer.from(',c\n')]));
    expect(await refusal(file)).toBe(`${file}:3: invalid UTF-8`);
  });

  it('takes the first two columns as the ends when their names pair up as tools write them', async () => {
    const headers = ['actor1,actor2', 'Person A,Person B', 'from_id,to_id', 'V1,V2', 'src,dst', 'Source Name,Target Name', 'person_from,person_to', 'i,j'];
    for (const header of headers) {
      const read = await readAll(tempFile('ties.csv', `${header},weight\nana,ben,2\n`));
      expect([header, read.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight')])]).toEqual([header, [['ana', 'ben', 2]]]);
    }
    // A node file stays a node file, and names that pair nothing are no tie file.
    expect((await readAll(tempFolder({ 'n.csv': 'id,name\nana,Ana\n', 't.csv': 'from,to\nana,ana\n' }))).nodes.map((node) => node.caption)).toEqual(['Ana']);
    const unpaired = tempFile('people.csv', 'person,partner\nana,ben\n');
    expect(await refusal(unpaired, { format: 'edgelist' })).toMatch(/:1: an edge list needs a "source,target" header/);
  });

  it('reads ties without a header line as SNAP, KONECT and R write them, without being told', async () => {
    const notes: string[] = [];
    const snapFile = tempFile('snap.txt', '# Directed graph: calls.txt\n# FromNodeId\tToNodeId\n0\t1\n1\t2\n');
    const snap = await readAll(snapFile, { onNote: (note) => notes.push(note) });
    expect(notes).toEqual([`${snapFile}: no header line; its first line is read as a tie (source, target, weight)`]);
    expect(snap.relationships.map((tie) => [tie.line, tie.start, tie.end])).toEqual([
      [3, '0', '1'],
      [4, '1', '2'],
    ]);
    const konect = await readAll(tempFile('out.calls', '% sym positive\n% 2 3 3\n1 2 5 1262304000\n2 3 1 1262304060\n'));
    expect(konect.relationships.map((tie) => Object.fromEntries(tie.properties))).toEqual([
      { weight: 5, time: 1262304000 },
      { weight: 1, time: 1262304060 },
    ]);
    // Names without a header: "bruno" is named again below, so the first line is a tie, not column names.
    const named = await readAll(tempFile('pairs.csv', 'ana,bruno\nbruno,carla\n'));
    expect(named.relationships.map((tie) => [tie.start, tie.end])).toEqual([
      ['ana', 'bruno'],
      ['bruno', 'carla'],
    ]);
  });

  it("reads NetworkX's write_edgelist lines, attributes in a Python dict", async () => {
    const file = tempFile('g.edgelist', "0 1 {'weight': 4, 'kind': 'phone call', 'tapped': True, 'note': None, 'say': 'it\\'s \\u00e9'}\n1 2 {}\n");
    const read = await readAll(file);
    expect(read.relationships.map((tie) => [tie.start, tie.end, Object.fromEntries(tie.properties)])).toEqual([
      ['0', '1', { weight: 4, kind: 'phone call', tapped: true, say: "it's é" }],
      ['1', '2', {}],
    ]);
    const nested = tempFile('g.edgelist', "0 1 {'weight': 1}\n1 2 {'route': [1, 2]}\n");
    expect(await refusal(nested)).toBe(`${nested}:2: NetworkX's tie data {'route': [1, 2]}: "[1" is not a string, number, True, False or None`);
  });

  it('passes over the empty columns a spreadsheet leaves after the table, and refuses a value in one', async () => {
    const read = await readAll(tempFile('ties.csv', 'source,target,weight,,\r\nana,ben,2,,\r\nben,carla,1\r\n'));
    expect(read.relationships.map((tie) => [tie.start, tie.end, Object.fromEntries(tie.properties)])).toEqual([
      ['ana', 'ben', { weight: 2 }],
      ['ben', 'carla', { weight: 1 }],
    ]);
    const stray = tempFile('ties.csv', 'source,target,,\nana,ben,,x\n');
    expect(await refusal(stray)).toBe(`${stray}:2:3: expected 2 fields as in the header, found 4`);
  });

  it('gives a tie no weight where R or pandas wrote a missing one (NA, NaN)', async () => {
    const read = await readAll(tempFile('ties.csv', 'source,target,weight\nana,ben,NA\nben,carla,NaN\ncarla,ana,2\n'));
    expect(read.relationships.map((tie) => tie.properties.get('weight') ?? null)).toEqual([null, null, 2]);
  });

  it("passes over the row names R's write.csv puts in a first column without a name", async () => {
    const folder = tempFolder({
      'edges.csv': '"","from","to","weight"\n"1","ana","ben",2\n',
      'nodes.csv': '"","id","name"\n"1","ana","Ana"\n"2","ben","Ben"\n',
    });
    const read = await readAll(folder);
    expect(read.nodes.map((node) => [node.key, node.caption, Object.fromEntries(node.properties)])).toEqual([
      ['ana', 'Ana', { name: 'Ana' }],
      ['ben', 'Ben', { name: 'Ben' }],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, Object.fromEntries(tie.properties)])).toEqual([['ana', 'ben', { weight: 2 }]]);
  });

  it("keys a node file without an id by its name, as R's igraph keeps vertices beside ties", async () => {
    const folder = tempFolder({ 'edges.csv': 'from,to\nana,ben\n', 'vertices.csv': 'name,gender\nana,F\nben,M\n' });
    const read = await readAll(folder);
    expect(read.nodes.map((node) => [node.key, node.caption, Object.fromEntries(node.properties)])).toEqual([
      ['ana', 'ana', { name: 'ana', gender: 'F' }],
      ['ben', 'ben', { name: 'ben', gender: 'M' }],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end])).toEqual([['ana', 'ben']]);
  });

  it("reads ICIJ's Offshore Leaks layout: nodes keyed by node_id, one node file per kind labelled by its name, rel_type as the type", async () => {
    const folder = tempFolder({
      'nodes-entities.csv': 'node_id,name,jurisdiction\n10000001,TIANSHENG CO.,SAM\n',
      'nodes-officers.csv': 'node_id,name,countries\n12000001,KIM SOO IN,South Korea\n',
      'nodes-addresses.csv': 'node_id,address,name\n14000001,27 ROSEWOOD DRIVE,\n',
      'relationships.csv':
        'node_id_start,node_id_end,rel_type,link,start_date\n12000001,10000001,officer_of,shareholder of,19-NOV-1999\n10000001,14000001,registered_address,registered address,\n',
    });
    const notes: string[] = [];
    const read = await readAll(folder, { onNote: (note) => notes.push(note) });
    expect(read.nodes.map((node) => [node.key, node.labels, node.caption ?? null])).toEqual([
      ['14000001', ['Address'], null],
      // Entity is Nexo's own label: the plural stays.
      ['10000001', ['Entities'], 'TIANSHENG CO.'],
      ['12000001', ['Officer'], 'KIM SOO IN'],
    ]);
    expect(Object.fromEntries(nodeByKey(read, '14000001').properties)).toEqual({ address: '27 ROSEWOOD DRIVE' });
    expect(read.relationships.map((tie) => [tie.start, tie.type, tie.end, Object.fromEntries(tie.properties)])).toEqual([
      ['12000001', 'officer_of', '10000001', { link: 'shareholder of', start_date: '19-NOV-1999' }],
      ['10000001', 'registered_address', '14000001', { link: 'registered address' }],
    ]);
    expect(notes).toContain(`${path.join(folder, 'nodes-officers.csv')}: no "label" column; its nodes are labelled Officer, from the file name`);
  });

  it('keys a node file by a first column named as an id, and keeps the default label for a single node file', async () => {
    const folder = tempFolder({ 'people.csv': 'PersonID,Full Name\n7,Ana Ruiz\n8,Ben Soto\n', 'calls.csv': 'from,to,edge_type\n7,8,CALLED\n' });
    const read = await readAll(folder);
    expect(read.nodes.map((node) => [node.key, node.labels])).toEqual([
      ['7', ['Node']],
      ['8', ['Node']],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.type, tie.end, tie.properties.size])).toEqual([['7', 'CALLED', '8', 0]]);
  });

  it('types the ties of each file by its name in a folder of several tie files without a type column', async () => {
    const folder = tempFolder({
      'calls.csv': 'source,target,minutes\nana,ben,3\n',
      'meetings.txt': 'ana ben\nben carla\n',
      'payments.csv': 'source,target,type\nben,ana,WIRE\nben,carla,\n',
    });
    const read = await readAll(folder);
    expect(read.relationships.map((tie) => [tie.start, tie.type, tie.end])).toEqual([
      ['ana', 'CALLS', 'ben'],
      ['ana', 'MEETINGS', 'ben'],
      ['ben', 'MEETINGS', 'carla'],
      // A file with a type column keeps it, and its default where a row leaves it empty.
      ['ben', 'WIRE', 'ana'],
      ['ben', 'TIE', 'carla'],
    ]);
    expect((await readAll(folder, { type: 'KNOWS' })).relationships.map((tie) => tie.type)).toEqual(['KNOWS', 'KNOWS', 'KNOWS', 'WIRE', 'KNOWS']);
  });

  it('refuses a headerless line of 5 fields', async () => {
    const wide = tempFile('pairs.csv', 'a,b\nb,c,1,2,3\n');
    expect(await refusal(wide, { format: 'edgelist', headerless: true })).toBe(
      `${wide}:2: a headerless edge list has 2 to 4 fields (source, target, weight, time), found 5`,
    );
  });
});
