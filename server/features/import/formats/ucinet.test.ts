import { describe, expect, it } from 'vitest';
import { collected, readAll, refusal, tempFile } from './testing.js';

describe('UCINET DL', () => {
  it('reads a full matrix with embedded labels: directed by default, one tie per pair with --undirected', async () => {
    const directed = await readAll('data/examples/ucinet-fullmatrix.dl');
    expect(directed.nodes).toHaveLength(12);
    expect(directed.relationships).toHaveLength(24);
    const undirected = await readAll('data/examples/ucinet-fullmatrix.dl', { undirected: true });
    expect(undirected.relationships).toHaveLength(12);
    expect(undirected.relationships[0]).toMatchObject({ start: 'Ana', end: 'Bruno', undirected: true, line: 6 });
    expect(undirected.relationships[0]!.properties).toEqual(new Map([['weight', 14]]));
  });

  it('reads edgelist1 with a labels: list, numbers naming the nodes', async () => {
    const read = await readAll('data/examples/ucinet-edgelist.dl');
    expect(read.nodes.map((node) => node.key).slice(0, 3)).toEqual(['Ana Ruiz', 'Bruno Salas', 'Carla Mendez']);
    expect(read.relationships).toHaveLength(12);
    expect(read.relationships[0]).toMatchObject({ start: 'Ana Ruiz', end: 'Bruno Salas', line: 7, undirected: false });
    expect(read.relationships[0]!.properties.get('weight')).toBe(14);
    // A line without a value is a tie of weight 1.
    expect(read.relationships[9]).toMatchObject({ start: 'Carla Mendez', end: 'Elena Soto' });
    expect(read.relationships[9]!.properties.get('weight')).toBe(1);
  });

  it('reads a matrix without labels, values wrapping across lines, "n = 3" with spaces', async () => {
    const file = tempFile('m.dl', 'DL N = 3\nFORMAT = FULLMATRIX\nDATA:\n0 1 0 0\n0 1\n1 0 0\n');
    const read = await readAll(file);
    expect(read.nodes.map((node) => node.key)).toEqual(['1', '2', '3']);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.line])).toEqual([
      ['1', '2', 4],
      ['2', '3', 5],
      ['3', '1', 6],
    ]);
  });

  it('reads edgelist1 with embedded labels, nodes in order of appearance', async () => {
    const file = tempFile('e.dl', 'dl n=3\nformat = edgelist1\nlabels embedded:\ndata:\nana bob 2\nbob cy\n');
    const read = await readAll(file);
    expect(read.nodes.map((node) => node.key)).toEqual(['ana', 'bob', 'cy']);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight')])).toEqual([
      ['ana', 'bob', 2],
      ['bob', 'cy', 1],
    ]);
  });

  it('refuses too few and too many values, a non-numeric value, an unknown node and a half-given size', async () => {
    const short = tempFile('m.dl', 'dl n=2\ndata:\n0 1\n1\n');
    expect(await refusal(short)).toBe(`${short}:4: the data ends after 3 of 2×2 values`);
    const long = tempFile('m.dl', 'dl n=2\ndata:\n0 1\n1 0\n1\n');
    expect(await refusal(long)).toBe(`${long}:5:1: more than the 2×2 values of the matrix`);
    const text = tempFile('m.dl', 'dl n=2\ndata:\n0 x\n1 0\n');
    expect(await refusal(text)).toBe(`${text}:3:3: cell "x" is not a number`);
    const unknown = tempFile('e.dl', 'dl n=2 format=edgelist1\ndata:\n1 2\n2 3\n');
    expect(await refusal(unknown)).toBe(`${unknown}:4:3: unknown node "3" (nodes are numbered 1 to 2)`);
    const empty = tempFile('m.dl', 'dl nr=2 nc=3\ndata:\n');
    expect(await refusal(empty)).toBe(`${empty}:2: the data ends after 0 of 2×3 values`);
    const half = tempFile('m.dl', 'dl nr=2\ndata:\n');
    expect(await refusal(half)).toBe(`${half}:2:1: a 2-mode DL file gives both nr= and nc=`);
    const several = tempFile('e.dl', 'dl n=2 nm=2 format=edgelist1\ndata:\n1 2\n');
    expect(await refusal(several)).toBe(`${several}:2:1: several matrices (nm=2) are read as full matrices, not edgelist1`);
    const absent = tempFile('m.dl', 'dl n=2\ndiagonal absent\ndata:\n1\n1\n');
    expect(await refusal(absent)).toBe(`${absent}:2:1: diagonal absent is not supported (a full matrix with its diagonal is)`);
  });

  it('reads a 2-mode file (nr, nc) with row and column labels: people × events, keyed by their side', async () => {
    // As UCINET ships Davis's Southern Women (cut down): ROW LABELS and COLUMN LABELS, one per line.
    const listed = tempFile('davis.dl', 'DL NR=3, NC=2\nROW LABELS:\nEVELYN\nLAURA\n"ANNA MAE"\nCOLUMN LABELS:\nE1\nE2\nDATA:\n1 1\n0 1\n1 0\n');
    const read = await readAll(listed);
    expect(read.nodes.map((node) => [node.key, node.labels[0], node.caption])).toEqual([
      ['column/E1', 'Event', 'E1'],
      ['column/E2', 'Event', 'E2'],
      ['row/EVELYN', 'Actor', 'EVELYN'],
      ['row/LAURA', 'Actor', 'LAURA'],
      ['row/ANNA MAE', 'Actor', 'ANNA MAE'],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.line])).toEqual([
      ['row/EVELYN', 'column/E1', 'PARTICIPATED_IN', 10],
      ['row/EVELYN', 'column/E2', 'PARTICIPATED_IN', 10],
      ['row/LAURA', 'column/E2', 'PARTICIPATED_IN', 11],
      ['row/ANNA MAE', 'column/E1', 'PARTICIPATED_IN', 12],
    ]);
    // Embedded: the first data line names the columns, each row starts with its own; kinds and type as options.
    const embedded = tempFile('m.dl', 'dl nr=2 nc=2\nrow labels embedded\ncolumn labels embedded\ndata:\n  bar club\nana 1 0\nbob 2 1\n');
    const people = await readAll(embedded, { label: 'Person', columnLabel: 'Place', type: 'SEEN_AT' });
    expect(people.nodes.map((node) => [node.key, node.labels[0]])).toEqual([
      ['column/bar', 'Place'],
      ['column/club', 'Place'],
      ['row/ana', 'Person'],
      ['row/bob', 'Person'],
    ]);
    expect(people.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.properties.get('weight')])).toEqual([
      ['row/ana', 'column/bar', 'SEEN_AT', 1],
      ['row/bob', 'column/bar', 'SEEN_AT', 2],
      ['row/bob', 'column/club', 'SEEN_AT', 1],
    ]);
  });

  it('reads several matrices (nm) as relations typed by their matrix labels, as in Padgett and Zachary files', async () => {
    const file = tempFile(
      'padgett.dl',
      'DL N=3 NM=2\nFORMAT = FULLMATRIX DIAGONAL PRESENT\nLABELS:\nACCIAIUOL,ALBIZZI,BARBADORI\nLEVEL LABELS:\nMARRIAGE\nBUSINESS\nDATA:\n0 1 0\n1 0 0\n0 0 0\n0 0 1\n0 0 0\n1 0 0\n',
    );
    const read = await readAll(file, { undirected: true });
    expect(read.nodes.map((node) => node.key)).toEqual(['ACCIAIUOL', 'ALBIZZI', 'BARBADORI']);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.undirected, tie.line])).toEqual([
      ['ACCIAIUOL', 'ALBIZZI', 'MARRIAGE', true, 9],
      ['ACCIAIUOL', 'BARBADORI', 'BUSINESS', true, 12],
    ]);
    // Without matrix labels the relations are numbered; embedded labels come again before each matrix.
    const unnamed = tempFile('m.dl', 'dl n=2 nm=2\nlabels embedded\ndata:\na b\na 0 1\nb 0 0\na b\na 0 0\nb 1 0\n');
    expect((await readAll(unnamed)).relationships.map((tie) => [tie.start, tie.end, tie.type])).toEqual([
      ['a', 'b', 'TIE_1'],
      ['b', 'a', 'TIE_2'],
    ]);
    // Embedded labels written once, before the first matrix only, read the same.
    const once = tempFile('m.dl', 'dl n=2 nm=2\nlabels embedded\ndata:\na b\na 0 1\nb 0 0\na 0 0\nb 1 0\n');
    expect((await readAll(once)).relationships.map((tie) => [tie.start, tie.end, tie.type, tie.line])).toEqual([
      ['a', 'b', 'TIE_1', 5],
      ['b', 'a', 'TIE_2', 8],
    ]);
    const differing = tempFile('m.dl', 'dl n=2 nm=2\nlabels embedded\ndata:\na b\na 0 1\nb 0 0\na c\na 0 0\nb 1 0\n');
    expect(await refusal(differing)).toBe(`${differing}:7:3: cell "c" is not a number`);
    const short = tempFile('m.dl', 'dl n=2 nm=2\ndata:\n0 1\n0 0\n1 0\n');
    expect(await refusal(short)).toBe(`${short}:5: the data ends after 2 of 2×2 values of matrix 2 of 2`);
  });

  it('reads nodelist1: each line an ego and its alters, by number or by embedded label', async () => {
    const numbered = tempFile('n.dl', 'dl n=4 format=nodelist1\nlabels:\nana,bob,cy,dee\ndata:\n1 2 3\n3 4\n4\n');
    const read = await readAll(numbered);
    expect(read.nodes.map((node) => node.key)).toEqual(['ana', 'bob', 'cy', 'dee']);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight'), tie.line])).toEqual([
      ['ana', 'bob', 1, 5],
      ['ana', 'cy', 1, 5],
      ['cy', 'dee', 1, 6],
    ]);
    const named = tempFile('n.dl', 'dl n=3 format=nl1\nlabels embedded\ndata:\nana bob cy\nbob ana\n');
    expect((await readAll(named)).relationships.map((tie) => [tie.start, tie.end])).toEqual([
      ['ana', 'bob'],
      ['ana', 'cy'],
      ['bob', 'ana'],
    ]);
    const unknown = tempFile('n.dl', 'dl n=2 format=nodelist1\ndata:\n1 2 3\n');
    expect(await refusal(unknown)).toBe(`${unknown}:3:5: unknown node "3" (nodes are numbered 1 to 2)`);
  });

  it('reads 2-mode edge and node lists (edgelist2, nodelist2): a row first, then its columns', async () => {
    const edges = tempFile('attended.dl', 'DL NR=2 NC=2\nFORMAT = EDGELIST2\nROW LABELS:\nana\n"bruno s"\nCOLUMN LABELS:\nm1\nm2\nDATA:\n1 2\n2 1 3\nana m1\n');
    const read = await readAll(edges);
    expect(read.nodes.map((node) => [node.key, node.labels[0]])).toEqual([
      ['row/ana', 'Actor'],
      ['row/bruno s', 'Actor'],
      ['column/m1', 'Event'],
      ['column/m2', 'Event'],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.properties.get('weight'), tie.line])).toEqual([
      ['row/ana', 'column/m2', 'PARTICIPATED_IN', 1, 10],
      ['row/bruno s', 'column/m1', 'PARTICIPATED_IN', 3, 11],
      ['row/ana', 'column/m1', 'PARTICIPATED_IN', 1, 12],
    ]);
    // Embedded labels, a row and a column of the same name kept apart, and at most nc columns.
    const nodes = tempFile('n.dl', 'dl nr=2 nc=2 format=nl2\nrow labels embedded\ncolumn labels embedded\ndata:\nana bar ana\nbob bar\nbob club\n');
    expect(await refusal(nodes)).toBe(`${nodes}:7:5: "club" would be column 3 of a network of nc=2`);
    const list = await readAll(nodes, { onProblem: () => undefined });
    expect(list.nodes.map((node) => node.key)).toEqual(['row/ana', 'column/bar', 'column/ana', 'row/bob']);
    expect(list.relationships.map((tie) => [tie.start, tie.end])).toEqual([
      ['row/ana', 'column/bar'],
      ['row/ana', 'column/ana'],
      ['row/bob', 'column/bar'],
    ]);
    const oneMode = tempFile('o.dl', 'dl n=2 format=edgelist2\ndata:\n1 2\n');
    expect(await refusal(oneMode)).toBe(`${oneMode}:2:1: edgelist2 is for 2-mode data: give nr= and nc= instead of n=`);
  });

  it('refuses an asymmetric matrix read as undirected, and a file that is not DL', async () => {
    const file = tempFile('m.dl', 'dl n=2\nlabels:\na,b\ndata:\n0 1\n2 0\n');
    expect(await refusal(file, { undirected: true })).toMatch(new RegExp(`^${file}:6:1: not symmetric`));
    const other = tempFile('x.dl', 'hello\n');
    expect(await refusal(other)).toBe(`${other}:1:1: a UCINET DL file starts with "dl"`);
  });

  it('stops an import at the first bad value; a preview reports each one and reads on past it', async () => {
    const matrix = tempFile('m.dl', 'dl n=3\nlabels embedded\ndata:\na b a\na 0 1 x\nb 1 0 1\na 0 2 0\n');
    expect(await refusal(matrix)).toBe(`${matrix}:4:5: duplicate id "a" among the labels`);
    const fromMatrix = await collected(matrix);
    expect(fromMatrix.problems).toEqual([
      `${matrix}:4:5: duplicate id "a" among the labels`,
      `${matrix}:5:7: cell "x" is not a number`,
      // The third row's label is "a", as the third column's is: no problem there.
    ]);
    expect(fromMatrix.nodes.map((node) => node.key)).toEqual(['a', 'b']);
    expect(fromMatrix.relationships.map((tie) => [tie.start, tie.end, tie.line])).toEqual([
      ['a', 'b', 5],
      ['b', 'a', 6],
      ['b', 'a', 6],
      ['a', 'b', 7],
    ]);

    const list = tempFile('e.dl', 'dl n=3 format=edgelist1\nlabels embedded\ndata:\nana bob\nana\nbob cy heavy\ncy dan\nbob cy 2\n');
    expect(await refusal(list)).toBe(`${list}:5: an edgelist1 line is "from to [weight]", found 1 values`);
    const fromList = await collected(list);
    expect(fromList.problems).toEqual([
      `${list}:5: an edgelist1 line is "from to [weight]", found 1 values`,
      `${list}:6:8: cell "heavy" is not a number`,
      `${list}:7:4: "dan" would be node 4 of a network of n=3`,
    ]);
    // A refused line adds no node: cy is a node from line 8, where its tie is read.
    expect(fromList.nodes.map((node) => [node.key, node.line])).toEqual([
      ['ana', 4],
      ['bob', 4],
      ['cy', 8],
    ]);
    expect(fromList.relationships.map((tie) => [tie.start, tie.end, tie.properties.get('weight')])).toEqual([
      ['ana', 'bob', 1],
      ['bob', 'cy', 2],
    ]);
  });
});
