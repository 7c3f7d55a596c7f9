import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFiles } from './detect.js';
import { collected, nodeByKey, readAll, refusal, tempFile, tempWorkbook, type TestSheet } from './testing.js';
import { withSheets } from './workbook.js';

const people: TestSheet = {
  rows: [
    ['id', 'name', 'label', 'born', 'phone'],
    ['p1', 'Ana Ruiz', 'Person', new Date(Date.UTC(1971, 2, 2)), 573001234567],
    ['p2', 'Bruno Salas', 'Person;Driver', new Date(Date.UTC(1985, 10, 20))],
    ['c1', 'Naviera Sur', 'Company'],
  ],
  setUp: (sheet) => {
    sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
  },
};

const calls: TestSheet = {
  rows: [
    ['source', 'target', 'weight', 'date', 'note'],
    ['p1', 'p2', 14, new Date(Date.UTC(2019, 0, 4, 10, 30)), 'first call\nfrom the port'],
    undefined,
    ['p2', 'c1', 2.5, new Date(Date.UTC(2019, 0, 4))],
  ],
  setUp: (sheet) => {
    sheet.getColumn(4).numFmt = 'yyyy-mm-dd hh:mm';
  },
};

/** Folders the reading of workbooks leaves in the system's temporary folder. */
const sheetFolders = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('nexo-sheets-'));

describe('Excel workbooks', () => {
  it('reads a node sheet and a tie sheet as an edge list whose files share node ids, cells as their text', async () => {
    const book = await tempWorkbook('case.xlsx', { people, calls });
    const read = await readAll(book);
    expect(read.nodes.map((node) => node.key)).toEqual(['p1', 'p2', 'c1']);
    const ana = nodeByKey(read, 'p1');
    expect(ana).toMatchObject({ file: `${book} [people]`, line: 2, labels: ['Person'], caption: 'Ana Ruiz' });
    // A date cell is its day in ISO 8601; a number its digits, never 5.73e+11 or a trailing .0.
    expect(ana.properties).toEqual(
      new Map([
        ['name', 'Ana Ruiz'],
        ['born', '1971-03-02'],
        ['phone', '573001234567'],
      ]),
    );
    expect(nodeByKey(read, 'p2').labels).toEqual(['Person', 'Driver']);
    expect(read.relationships.map(({ file, line, start, end, type, properties }) => ({ file, line, start, end, type, properties }))).toEqual([
      {
        file: `${book} [calls]`,
        line: 2,
        start: 'p1',
        end: 'p2',
        type: 'TIE',
        properties: new Map<string, string | number>([
          ['weight', 14],
          ['date', '2019-01-04T10:30:00'],
          ['note', 'first call\nfrom the port'],
        ]),
      },
      // The blank row 3 is passed over; the next row keeps its number.
      {
        file: `${book} [calls]`,
        line: 4,
        start: 'p2',
        end: 'c1',
        type: 'TIE',
        properties: new Map<string, string | number>([
          ['weight', 2.5],
          ['date', '2019-01-04'],
        ]),
      },
    ]);
  });

  it('names a bad cell by workbook, sheet, Excel row and column, past blank rows and cells holding line breaks', async () => {
    const book = await tempWorkbook('calls.xlsx', {
      calls: { rows: [['source', 'target', 'weight', 'note'], ['a', 'b', 1, 'line one\nline two\nline three'], undefined, undefined, ['b', 'c', 'x']] },
    });
    expect(await refusal(book)).toBe(`${book} [calls]:5:3: weight "x" is not a number`);
    const { problems } = await collected(book);
    expect(problems).toEqual([`${book} [calls]:5:3: weight "x" is not a number`]);
  });

  it('reads a matrix sheet as a matrix file, and several matrix sheets as relations named by their sheets', async () => {
    const matrix = (weights: number[][]): TestSheet => ({
      rows: [[null, 'Ana', 'Bruno', 'Carla'], ...weights.map((row, index) => [['Ana', 'Bruno', 'Carla'][index]!, ...row])],
    });
    const single = await readAll(
      await tempWorkbook('calls.xlsx', {
        calls: matrix([
          [0, 3, 0],
          [1, 0, 0],
          [0, 0.5, 0],
        ]),
      }),
    );
    expect(single.nodes.map((node) => node.caption)).toEqual(['Ana', 'Bruno', 'Carla']);
    expect(single.relationships.map(({ start, end, type, properties }) => [start, end, type, properties.get('weight')])).toEqual([
      ['Ana', 'Bruno', 'TIE', 3],
      ['Bruno', 'Ana', 'TIE', 1],
      ['Carla', 'Bruno', 'TIE', 0.5],
    ]);
    const waves = await readAll(
      await tempWorkbook('waves.xlsx', {
        'phase 1': matrix([
          [0, 1, 0],
          [0, 0, 0],
          [0, 0, 0],
        ]),
        'phase 2': matrix([
          [0, 0, 0],
          [0, 0, 2],
          [0, 0, 0],
        ]),
      }),
    );
    expect(waves.nodes).toHaveLength(3);
    expect(waves.relationships.map(({ start, end, type }) => [start, end, type])).toEqual([
      ['Ana', 'Bruno', 'PHASE_1'],
      ['Bruno', 'Carla', 'PHASE_2'],
    ]);
  });

  it('passes over empty and hidden sheets with a note, and forces the sheets format as --format says', async () => {
    const book = await tempWorkbook('ties.xlsx', {
      cover: { rows: [] },
      // Cells without text, and a cell with a format but no value, as a sheet once touched keeps them.
      blank: {
        rows: [['', '']],
        setUp: (sheet) => {
          sheet.getCell('C3').numFmt = '0.00';
        },
      },
      lists: { rows: [['kinds'], ['Person']], state: 'hidden' },
      ties: {
        rows: [
          ['a', 'b', 3],
          ['b', 'c', 1],
        ],
      },
    });
    const notes: string[] = [];
    const read = await readAll(book, { format: 'edgelist', headerless: true, onNote: (note) => notes.push(note) });
    expect(read.relationships.map(({ start, end, properties }) => [start, end, properties.get('weight')])).toEqual([
      ['a', 'b', 3],
      ['b', 'c', 1],
    ]);
    expect(notes).toEqual([
      `${book} [cover]: an empty sheet, not read`,
      `${book} [blank]: an empty sheet, not read`,
      `${book} [lists]: a hidden sheet, not read (unhide it in Excel to import it)`,
    ]);
    expect(await refusal(await tempWorkbook('empty.xlsx', { cover: { rows: [] } }))).toMatch(/empty\.xlsx: every sheet is empty or hidden: nothing to read$/);
  });

  it('reads cells as text: booleans, formulas by their saved result, rich text, hyperlinks, times, merged cells; errors empty with a note', async () => {
    const book = await tempWorkbook('cells.xlsx', {
      nodes: {
        rows: [
          ['id', 'flag', 'total', 'rich', 'site', 'at', 'ratio', 'lookup', 'wide', 'right'],
          [
            'a',
            true,
            { formula: 'SUM(1,2)', result: 3 },
            { richText: [{ text: 'Naviera ' }, { text: 'Sur', font: { bold: true } }] },
            { text: 'naviera.example', hyperlink: 'https://naviera.example' },
            new Date(Date.UTC(1899, 11, 30, 22, 15)),
            0.1 + 0.2,
            { error: '#N/A' },
            'merged',
          ],
        ],
        setUp: (sheet) => {
          sheet.getCell('F2').numFmt = 'hh:mm';
          sheet.mergeCells('I2:J2');
        },
      },
    });
    const notes: string[] = [];
    const read = await readAll(book, { onNote: (note) => notes.push(note) });
    expect(nodeByKey(read, 'a').properties).toEqual(
      new Map([
        ['flag', 'true'],
        ['total', '3'],
        ['rich', 'Naviera Sur'],
        ['site', 'naviera.example'],
        ['at', '22:15:00'],
        ['ratio', '0.3'],
        ['wide', 'merged'],
      ]),
    );
    expect(notes).toContain(
      `${book} [nodes]: 1 cell with an error value (#N/A, #DIV/0! …) or a formula without a saved result read as empty, the first at 2:8`,
    );
  });

  it('reads a folder of a workbook and CSV files as one network', async () => {
    const folder = path.dirname(await tempWorkbook('people.xlsx', { people }));
    writeFileSync(path.join(folder, 'ties.csv'), 'source,target,weight\np1,c1,3\n');
    const read = await readAll(folder);
    expect(read.nodes).toHaveLength(3);
    expect(read.relationships.map(({ file, start, end }) => [path.basename(file), start, end])).toEqual([['ties.csv', 'p1', 'c1']]);
    expect(inputFiles(folder).map((file) => path.basename(file.path))).toEqual(['people.xlsx', 'ties.csv']);
  });

  it('refuses an .xls workbook and a file that is no workbook, saying what to do', async () => {
    const old = tempFile('calls.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(await refusal(old)).toBe(`${old}: an Excel 97-2003 workbook (.xls) is not read: save it from Excel as "Excel Workbook (.xlsx)" or as CSV`);
    const renamed = tempFile('calls.xlsx', 'source,target\na,b\n');
    expect(await refusal(renamed)).toMatch(new RegExp(`^${renamed}: not a readable Excel workbook \\(.+\\); save it again from Excel as \\.xlsx$`));
  });

  it('removes the sheets written for a reading once it is done, and once it failed', async () => {
    const before = sheetFolders();
    const book = await tempWorkbook('case.xlsx', { people, calls });
    let written: string[] = [];
    await withSheets([{ path: book, display: 'case.xlsx' }], undefined, async (files) => {
      written = files.map((file) => file.path);
      expect(files.map((file) => [file.display, file.sheet])).toEqual([
        ['case.xlsx [people]', 'people'],
        ['case.xlsx [calls]', 'calls'],
      ]);
      expect(written.every((file) => existsSync(file))).toBe(true);
    });
    expect(written.some((file) => existsSync(file))).toBe(false);
    await expect(
      withSheets([{ path: book, display: 'case.xlsx' }], undefined, async (files) => {
        written = files.map((file) => file.path);
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(written.some((file) => existsSync(file) || existsSync(path.dirname(file)))).toBe(false);
    const bad = await tempWorkbook('bad.xlsx', {
      calls: {
        rows: [
          ['source', 'target', 'weight'],
          ['a', 'b', 'x'],
        ],
      },
    });
    expect(await refusal(bad)).toBe(`${bad} [calls]:2:3: weight "x" is not a number`);
    expect(sheetFolders()).toEqual(before);
  });

  it('reads the example workbook', async () => {
    const read = await readAll('data/examples/network.xlsx');
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(16);
    expect(nodeByKey(read, 'p1').properties.get('born')).toBe('1971-03-02');
    expect(read.relationships[0]).toMatchObject({ file: 'data/examples/network.xlsx [ties]', line: 2, type: 'CALLED' });
    expect(read.relationships[0]!.properties.get('weight')).toBe(14);
  });
});
