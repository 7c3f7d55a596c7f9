import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeByKey, readAll, refusal, tempFile, tempFolder } from './testing.js';

const BOM = '\uFEFF';

describe('adjacency matrix CSV', () => {
  it('reads the example (BOM, "" corner, CRLF): cell (i, j) non-zero is a tie i→j weighted by the cell', async () => {
    const read = await readAll('data/examples/matrix.csv');
    expect(read.nodes.map((node) => node.key)).toEqual([
      'Ana',
      'Bruno',
      'Carla',
      'Diego',
      'Elena',
      'Felix',
      'Gloria',
      'Hugo',
      'Iris',
      'Julio',
      'Kemal',
      'Lucia',
    ]);
    expect(nodeByKey(read, 'Ana')).toMatchObject({ labels: ['Node'], caption: 'Ana' });
    expect(nodeByKey(read, 'Ana').properties).toEqual(new Map([['label', 'Ana']]));
    expect(read.relationships).toHaveLength(14);
    const ties = read.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight'), tie.undirected]);
    expect(ties).toContainEqual(['Ana', 'Bruno', 14, false]);
    expect(ties).toContainEqual(['Bruno', 'Ana', 11, false]);
    expect(ties).toContainEqual(['Gloria', 'Ana', 2, false]);
    expect(read.relationships.find((tie) => tie.start === 'Bruno' && tie.end === 'Ana')).toMatchObject({ line: 3, type: 'TIE' });
  });

  it('with --undirected gives one tie per pair of a symmetric matrix, and takes a triangle', async () => {
    const symmetric = tempFile('m.csv', ',a,b,c\na,0,2,0\nb,2,0,1.5\nc,0,1.5,1\n');
    const read = await readAll(symmetric, { undirected: true });
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight'), tie.undirected])).toEqual([
      ['a', 'b', 2, true],
      ['b', 'c', 1.5, true],
      ['c', 'c', 1, true],
    ]);
    const triangle = tempFile('m.csv', ',a,b,c\na,0,2,3\nb,0,0,1\nc,0,0,0\n');
    expect((await readAll(triangle, { undirected: true })).relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight')])).toEqual([
      ['a', 'b', 2],
      ['a', 'c', 3],
      ['b', 'c', 1],
    ]);
  });

  it('refuses an undirected reading of a matrix whose mirrored cells differ', async () => {
    const file = tempFile('m.csv', ',a,b\na,0,2\nb,3,0\n');
    expect(await refusal(file, { undirected: true })).toBe(
      `${file}:3:2: not symmetric: 3 here but 2 at line 2, column 3; an undirected matrix gives each pair one value`,
    );
  });

  it('refuses a non-square matrix, a non-numeric cell, ragged rows and a duplicate label with file:line:column', async () => {
    const tooFew = tempFile('m.csv', `${BOM}"",a,b,c\na,0,1,0\nb,0,0,1\n`);
    expect(await refusal(tooFew)).toBe(`${tooFew}:3: not square: 2 rows for 3 columns`);
    const tooMany = tempFile('m.csv', ',a,b\na,0,1\nb,1,0\nc,1,1\n');
    expect(await refusal(tooMany)).toBe(`${tooMany}:4: not square: more rows than the 2 columns`);
    const text = tempFile('m.csv', ',a,b\na,0,x\nb,1,0\n');
    expect(await refusal(text)).toBe(`${text}:2:3: cell "x" is not a number`);
    const ragged = tempFile('m.csv', ',a,b\na,0,1\nb,1\n');
    expect(await refusal(ragged)).toBe(`${ragged}:3:3: ragged row: 2 fields where the first row has 3`);
    const duplicate = tempFile('m.csv', ',a,a\na,0,1\na,1,0\n');
    expect(await refusal(duplicate)).toBe(`${duplicate}:1:3: duplicate id "a" among the column labels`);
    const order = tempFile('m.csv', ',a,b\nb,0,1\na,1,0\n');
    expect(await refusal(order)).toMatch(new RegExp(`^${order}:2:1: row label "b" differs from column 2's label "a"`));
  });

  it('reads a semicolon matrix with decimal commas, and a space-separated one whose first row leaves the corner out', async () => {
    const semicolons = await readAll(tempFile('matriz.csv', ';Ana;Bruno;Carla\nAna;0;0,5;0\nBruno;0;0;2\nCarla;1;0;0\n'));
    expect(semicolons.nodes.map((node) => node.key)).toEqual(['Ana', 'Bruno', 'Carla']);
    expect(semicolons.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight')])).toEqual([
      ['Ana', 'Bruno', 0.5],
      ['Bruno', 'Carla', 2],
      ['Carla', 'Ana', 1],
    ]);
    const spaced = await readAll(tempFile('matrix.txt', '      Ana Bruno Carla\nAna     0   1     0\nBruno   1   0     0\nCarla   0   0     0\n'), {
      format: 'matrix',
    });
    expect(spaced.nodes.map((node) => node.key)).toEqual(['Ana', 'Bruno', 'Carla']);
    expect(spaced.relationships.map((tie) => [tie.start, tie.end, tie.line])).toEqual([
      ['Ana', 'Bruno', 2],
      ['Bruno', 'Ana', 3],
    ]);
  });

  it('reads a bare matrix, numbers only, naming its nodes 1…n as Pajek and UCINET number them', async () => {
    const read = await readAll(tempFile('bare.txt', '0 1 0 0 0\n1 0 2 0 0\n0 0 0 0 0\n0 0 0 0 1\n0 0 0 0 0\n'));
    expect(read.nodes.map((node) => [node.key, node.caption])).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
      ['4', '4'],
      ['5', '5'],
    ]);
    expect(read.relationships.map((tie) => [tie.line, tie.start, tie.end, tie.properties.get('weight')])).toEqual([
      [1, '1', '2', 1],
      [2, '2', '1', 1],
      [2, '2', '3', 2],
      [4, '4', '5', 1],
    ]);
    const ragged = tempFile('bare.csv', '0,1,0\n1,0\n0,0,0\n');
    expect(await refusal(ragged, { format: 'matrix' })).toBe(`${ragged}:2:3: ragged row: 2 fields where the first row has 3`);
    const word = tempFile('bare.csv', '0,1,0\n1,0,x\n0,0,0\n');
    expect(await refusal(word, { format: 'matrix' })).toBe(`${word}:2:3: cell "x" is not a number`);
  });

  it("reads R's and pandas' missing values (NA, NaN) as no tie, as an empty cell", async () => {
    const read = await readAll(tempFile('matrix.csv', '"","ana","ben"\n"ana",NA,1\n"ben",NaN,NA\n'));
    expect(read.relationships.map((tie) => [tie.start, tie.end])).toEqual([['ana', 'ben']]);
  });

  it('passes over the empty column a spreadsheet leaves after the table', async () => {
    const read = await readAll(tempFile('matrix.csv', ',ana,ben,\nana,0,1,\nben,1,0,\n'));
    expect(read.relationships.map((tie) => [tie.start, tie.end])).toEqual([
      ['ana', 'ben'],
      ['ben', 'ana'],
    ]);
  });

  it('reads a folder of matrices as relations among the same actors, each typed by its file unless a type is named', async () => {
    const folder = tempFolder({
      'marriage.csv': ',Ana,Ben,Cruz\nAna,0,1,0\nBen,1,0,0\nCruz,0,0,0\n',
      'business ties.csv': ',Ana,Ben,Dora\nAna,0,0,2\nBen,0,0,0\nDora,2,0,0\n',
    });
    const notes: string[] = [];
    const read = await readAll(folder, { undirected: true, onNote: (note) => notes.push(note) });
    expect(notes).toEqual([
      `${folder}/business ties.csv: its ties are typed BUSINESS_TIES, after the file's name (one relation of several)`,
      `${folder}/marriage.csv: its ties are typed MARRIAGE, after the file's name (one relation of several)`,
    ]);
    // Files are read in name order; a label met again is the node the first file gave.
    expect(read.nodes.map((node) => [node.key, path.basename(node.file)])).toEqual([
      ['Ana', 'business ties.csv'],
      ['Ben', 'business ties.csv'],
      ['Dora', 'business ties.csv'],
      ['Cruz', 'marriage.csv'],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.undirected])).toEqual([
      ['Ana', 'Dora', 'BUSINESS_TIES', true],
      ['Ana', 'Ben', 'MARRIAGE', true],
    ]);
    expect(new Set((await readAll(folder, { type: 'KNOWS' })).relationships.map((tie) => tie.type))).toEqual(new Set(['KNOWS']));
    // Within one file a label twice is still refused.
    const twice = tempFolder({ 'a.csv': ',x,y\nx,0,1\ny,1,0\n', 'b.csv': ',x,x\nx,0,1\nx,1,0\n' });
    expect(await refusal(twice)).toBe(`${twice}/b.csv:1:3: duplicate id "x" among the column labels`);
  });

  it('refuses invalid UTF-8 with its line', async () => {
    const file = tempFile('m.csv', Buffer.concat([Buffer.from(',a,b\na,0,1\n'), Buffer.from([0x62, 0xff]), Buffer.from(',1,0\n')]));
    expect(await refusal(file, { format: 'matrix' })).toBe(`${file}:3: invalid UTF-8`);
  });
});

describe('2-mode matrix CSV', () => {
  it('reads people × meetings: rows and columns are different kinds, each non-zero cell a tie person → meeting', async () => {
    const read = await readAll('data/examples/matrix-2mode.csv', { format: 'matrix2mode' });
    expect(read.nodes.filter((node) => node.labels[0] === 'Actor')).toHaveLength(10);
    expect(read.nodes.filter((node) => node.labels[0] === 'Event').map((node) => node.caption)).toEqual([
      'Harbour meeting 2019-01-12',
      'Hotel Miramar 2019-02-01',
      'Warehouse 2019-02-20',
      'Boat trip 2019-03-15',
    ]);
    expect(read.relationships).toHaveLength(17);
    const ana = read.relationships.filter((tie) => tie.start === 'row/Ana').map((tie) => tie.end);
    expect(ana).toEqual(['column/Harbour meeting 2019-01-12', 'column/Hotel Miramar 2019-02-01', 'column/Boat trip 2019-03-15']);
    expect(read.relationships[0]).toMatchObject({ type: 'PARTICIPATED_IN', undirected: false });
  });

  it('keeps a row and a column with the same label as two nodes, and takes kind names as options', async () => {
    const file = tempFile('m.csv', ',1,2\n1,1,0\n2,0,1\n');
    const read = await readAll(file, { format: 'matrix2mode', label: 'Person', columnLabel: 'Meeting', type: 'ATTENDED' });
    expect(read.nodes.map((node) => [node.key, node.labels[0]])).toEqual([
      ['column/1', 'Meeting'],
      ['column/2', 'Meeting'],
      ['row/1', 'Person'],
      ['row/2', 'Person'],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.type])).toEqual([
      ['row/1', 'column/1', 'ATTENDED'],
      ['row/2', 'column/2', 'ATTENDED'],
    ]);
  });

  it('refuses a repeated row label as a duplicate id', async () => {
    const file = tempFile('m.csv', ',x,y\na,1,0\na,0,1\n');
    expect(await refusal(file, { format: 'matrix2mode' })).toBe(`${file}:3: duplicate id "row/a"`);
  });
});
