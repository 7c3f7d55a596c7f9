import { describe, expect, it } from 'vitest';
import { collected, nodeByKey, readAll, refusal, tempFile } from './testing.js';

describe('Pajek .net', () => {
  it('reads the example: quoted labels, *Arcs with named relations, *Edges undirected, list sections', async () => {
    const read = await readAll('data/examples/network.net');
    expect(read.nodes).toHaveLength(12);
    expect(nodeByKey(read, '11')).toMatchObject({ caption: 'Naviera Sur S.A.', labels: ['Node'], line: 13 });
    expect(nodeByKey(read, '11').properties).toEqual(new Map([['label', 'Naviera Sur S.A.']]));
    const ties = read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.undirected, tie.properties.get('weight') ?? null]);
    expect(ties).toEqual([
      ['1', '2', 'CALLED', false, 14],
      ['1', '3', 'CALLED', false, 6],
      ['2', '4', 'CALLED', false, 9],
      ['5', '7', 'CALLED', false, 3],
      ['6', '2', 'CALLED', false, 5],
      ['10', '8', 'CALLED', false, 4],
      ['8', '9', 'PAID', false, 1500.5],
      ['8', '9', 'PAID', false, 900],
      ['1', '5', 'MET', true, 2],
      ['12', '1', 'MET_AT', true, null],
      ['12', '5', 'MET_AT', true, null],
      ['3', '11', 'WORKS_FOR', false, null],
      ['9', '11', 'WORKS_FOR', false, null],
    ]);
  });

  it('gives vertices without a line of their own a node, and 2-mode vertices two kinds', async () => {
    const file = tempFile('two.net', '*Vertices 4 2\n1 "Ana"\n3 "Meeting"\n*Edges\n1 3\n2 4\n');
    const read = await readAll(file);
    expect(read.nodes.map((node) => [node.key, node.labels[0], node.caption ?? null])).toEqual([
      ['1', 'Actor', 'Ana'],
      ['3', 'Event', 'Meeting'],
      ['2', 'Actor', null],
      ['4', 'Event', null],
    ]);
    expect(read.relationships).toHaveLength(2);
  });

  it('reads *Matrix sections as UCINET writes .net files: 1-mode, undirected on request, and 2-mode rows × columns', async () => {
    const file = tempFile('ucinet.net', '*Vertices 3\n1 "Ana"\n2 "Bo"\n3 "Cy"\n*Matrix :1 "calls"\n0 2 0\n2 0 1\n0 1 0\n');
    const directed = await readAll(file);
    expect(directed.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.properties.get('weight'), tie.line])).toEqual([
      ['1', '2', 'calls', 2, 6],
      ['2', '1', 'calls', 2, 7],
      ['2', '3', 'calls', 1, 7],
      ['3', '2', 'calls', 1, 8],
    ]);
    const undirected = await readAll(file, { undirected: true });
    expect(undirected.relationships.map((tie) => [tie.start, tie.end, tie.undirected])).toEqual([
      ['1', '2', true],
      ['2', '3', true],
    ]);
    const twoMode = await readAll(tempFile('affiliation.net', '*Vertices 4 2\n1 "Ana"\n2 "Bo"\n3 "Meeting"\n4 "Raid"\n*Matrix\n1 0\n1 1\n'));
    expect(twoMode.relationships.map((tie) => [tie.start, tie.end])).toEqual([
      ['1', '3'],
      ['2', '3'],
      ['2', '4'],
    ]);
    const ragged = tempFile('bad.net', '*Vertices 2\n*Matrix\n0 1\n1\n');
    expect(await refusal(ragged)).toBe(`${ragged}:4: a matrix row has 2 values, found 1`);
    const short = tempFile('bad.net', '*Vertices 3\n*Matrix\n0 1 0\n*Arcs\n1 2\n');
    expect(await refusal(short)).toBe(`${short}:4: the *Matrix section has 1 of its 3 rows`);
    const long = tempFile('bad.net', '*Vertices 1\n*Matrix\n0\n1\n');
    expect(await refusal(long)).toBe(`${long}:4: more matrix rows than the 1 vertices`);
  });

  it('refuses an unknown vertex with its line and column', async () => {
    const file = tempFile('bad.net', '*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Arcs\n1 2\n2 7 1\n');
    expect(await refusal(file)).toBe(`${file}:7:3: unknown vertex "7" (the network has vertices 1 to 3)`);
  });

  it('refuses a vertex listed twice, an unclosed label, a bad weight, an unknown section and invalid UTF-8', async () => {
    const twice = tempFile('bad.net', '*Vertices 2\n1 "a"\n1 "b"\n');
    expect(await refusal(twice)).toBe(`${twice}:3:1: duplicate id: vertex 1 is listed twice`);
    const unclosed = tempFile('bad.net', '*Vertices 2\n1 "a\n');
    expect(await refusal(unclosed)).toBe(`${unclosed}:2:3: a quoted label is not closed`);
    const weight = tempFile('bad.net', '*Vertices 2\n*Arcs\n1 2 x\n');
    expect(await refusal(weight)).toBe(`${weight}:3:5: weight "x" is not a number`);
    const partition = tempFile('bad.net', '*Vertices 2\n*Partition classes\n1\n');
    expect(await refusal(partition)).toMatch(new RegExp(`^${partition}:2:1: section \\*Partition is not supported`));
    const latin1 = tempFile('bad.net', Buffer.concat([Buffer.from('*Vertices 1\n1 "Jos'), Buffer.from([0xe9]), Buffer.from('"\n')]));
    expect(await refusal(latin1)).toBe(`${latin1}:2: invalid UTF-8 (save the file as UTF-8)`);
  });

  it('stops an import at the first bad line; a preview reports each one and reads on past it', async () => {
    const file = tempFile('bad.net', '*Vertices 3\n1 "Ana"\n4 "Dora"\n*Arcs\n1 2 x\n*Partition\n1 1\n*Edges\n1 3\n3\n*Vertices 2\n1 "Again"\n');
    expect(await refusal(file)).toBe(`${file}:3:1: unknown vertex "4" (the network has vertices 1 to 3)`);
    const read = await collected(file);
    expect(read.problems).toEqual([
      `${file}:3:1: unknown vertex "4" (the network has vertices 1 to 3)`,
      `${file}:5:5: weight "x" is not a number`,
      `${file}:6:1: section *Partition is not supported (a .net file has *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix)`,
      `${file}:10:1: a tie line needs two vertices`,
      `${file}:11: a second *Vertices section`,
    ]);
    // The lines of an unsupported section and of a second *Vertices are passed over, not read as ties or vertices.
    expect(read.nodes.map((node) => [node.key, node.caption ?? null])).toEqual([
      ['1', 'Ana'],
      ['2', null],
      ['3', null],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.line])).toEqual([['1', '3', 9]]);
  });
});
