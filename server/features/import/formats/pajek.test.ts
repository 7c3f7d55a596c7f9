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

  it('reads the label after the vertex number and leaves what follows it as layout, as Pajek and NetworkX write it', async () => {
    // NetworkX's write_pajek: number, name, x, y, shape, then the node's attributes as key-value pairs.
    const networkx = tempFile('karate.net', '*vertices 2\n1 0 0.0 0.0 ellipse club "Mr. Hi"\n2 1 0.0 0.0 ellipse club Officer\n*edges\n1 2 4\n');
    const read = await readAll(networkx);
    expect(read.nodes.map((node) => [node.key, node.caption, node.properties])).toEqual([
      ['1', '0', new Map([['label', '0']])],
      ['2', '1', new Map([['label', '1']])],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.undirected, tie.properties])).toEqual([['1', '2', true, new Map([['weight', 4]])]]);
    const pajek = await readAll(tempFile('layout.net', '*Vertices 1\n1 "Mr. Hi" 0.1 0.2 0.5 ellipse ic Red\n'));
    expect(pajek.nodes.map((node) => [node.caption, node.properties])).toEqual([['Mr. Hi', new Map([['label', 'Mr. Hi']])]]);
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
    const hierarchy = tempFile('bad.net', '*Vertices 2\n*Hierarchy classes\n1\n');
    expect(await refusal(hierarchy)).toMatch(new RegExp(`^${hierarchy}:2:1: section \\*Hierarchy is not supported`));
    const latin1 = tempFile('bad.net', Buffer.concat([Buffer.from('*Vertices 1\n1 "Jos'), Buffer.from([0xe9]), Buffer.from('"\n')]));
    expect(await refusal(latin1)).toBe(`${latin1}:2: invalid UTF-8 (save the file as UTF-8)`);
  });

  it('stops an import at the first bad line; a preview reports each one and reads on past it', async () => {
    const file = tempFile('bad.net', '*Vertices 3\n1 "Ana"\n4 "Dora"\n*Arcs\n1 2 x\n*Hierarchy\n1 1\n*Edges\n1 3\n3\n*Vertices 2\n1 "Again"\n');
    expect(await refusal(file)).toBe(`${file}:3:1: unknown vertex "4" (the network has vertices 1 to 3)`);
    const read = await collected(file);
    expect(read.problems).toEqual([
      `${file}:3:1: unknown vertex "4" (the network has vertices 1 to 3)`,
      `${file}:5:5: weight "x" is not a number`,
      `${file}:6:1: section *Hierarchy is not supported (Nexo reads *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix, *Partition, *Vector)`,
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

describe('Pajek .paj projects', () => {
  const network = '*Network Puerto Claro\n*Vertices 3\n1 "Ana"\n2 "Bo"\n*Edges\n1 2\n2 3\n';

  it('reads the example: its partition and vector become properties of the nodes', async () => {
    const read = await readAll('data/examples/network.paj');
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(13);
    expect(Object.fromEntries(nodeByKey(read, '8').properties)).toEqual({ label: 'Hugo Lara', cell: 3n, 'risk score': 0.8 });
  });

  it('reads each *Partition as an integer and each *Vector as a number, named as the file names them', async () => {
    const file = tempFile(
      'project.paj',
      `${network}*Partition groups\n*Vertices 3\n1\n1\n2\n*Partition Drug role\n*Vertices 3\n  3\n  0\n  3\n*Vector size\n*Vertices 3\n0.5\n1.25\n-2e3\n`,
    );
    const read = await readAll(file);
    expect([...nodeByKey(read, '1').properties.keys()]).toEqual(['label', 'groups', 'Drug role', 'size']);
    const values = (name: string) => read.nodes.map((node) => node.properties.get(name));
    expect(values('groups')).toEqual([1n, 1n, 2n]);
    expect(values('Drug role')).toEqual([3n, 0n, 3n]);
    expect(values('size')).toEqual([0.5, 1.25, -2000]);
    expect(read.relationships.map((tie) => [tie.start, tie.end])).toEqual([
      ['1', '2'],
      ['2', '3'],
    ]);
  });

  it('names a section without a name partition or vector, and a name already taken with a number', async () => {
    const file = tempFile(
      'project.paj',
      `${network}*Partition\n*Vertices 3\n1 2 3\n*Partition\n*Vertices 3\n4\n5\n6\n*Vector\n*Vertices 3\n7\n8\n9\n*Partition label\n*Vertices 3\n0\n0\n0\n`,
    );
    expect(Object.fromEntries(nodeByKey(await readAll(file), '3').properties)).toEqual({ partition: 3n, 'partition 2': 6n, vector: 9, 'label 2': 0n });
  });

  it('passes over *Permutation and *Cluster sections, and reads the sections after them', async () => {
    const file = tempFile(
      'project.paj',
      `${network}*Permutation order\n*Vertices 3\n3\n1\n2\n*Cluster top\n*Vertices 2\n1\n3\n*Arcs\n3 1\n*Vector size\n*Vertices 3\n1\n2\n3\n`,
    );
    const read = await readAll(file);
    expect(Object.fromEntries(nodeByKey(read, '1').properties)).toEqual({ label: 'Ana', size: 1 });
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.undirected])).toEqual([
      ['1', '2', true],
      ['2', '3', true],
      ['3', '1', false],
    ]);
  });

  it('refuses a partition or vector of another length than the network, with too few or too many values, or before *Vertices', async () => {
    const longer = tempFile('bad.paj', `${network}*Partition groups\n*Vertices 4\n1\n1\n2\n2\n`);
    expect(await refusal(longer)).toBe(`${longer}:9:11: *Partition groups is for 4 vertices, the network has 3`);
    const fewer = tempFile('bad.paj', `${network}*Partition groups\n*Vertices 3\n1\n1\n*Vector size\n*Vertices 3\n1\n`);
    expect(await refusal(fewer)).toBe(`${fewer}:12: *Partition groups has 2 of its 3 values`);
    const ended = tempFile('bad.paj', `${network}*Vector size\n*Vertices 3\n1\n`);
    expect(await refusal(ended)).toBe(`${ended}:8: *Vector size has 1 of its 3 values`);
    const more = tempFile('bad.paj', `${network}*Vector size\n*Vertices 3\n1 2\n3 4\n`);
    expect(await refusal(more)).toBe(`${more}:11:3: *Vector size: more values than the 3 vertices`);
    const unsized = tempFile('bad.paj', `${network}*Partition groups\n1\n`);
    expect(await refusal(unsized)).toBe(`${unsized}:9: *Partition groups: a *Vertices line comes before the values`);
    const early = tempFile('bad.paj', '*Network first\n*Partition groups\n*Vertices 1\n1\n*Vertices 1\n');
    expect(await refusal(early)).toBe(`${early}:2: *Partition before *Vertices`);
  });

  it('refuses a partition value that is not an integer and a vector value that is not a number, with line and column', async () => {
    const text = tempFile('bad.paj', `${network}*Partition groups\n*Vertices 3\n1\ngang\n2\n`);
    expect(await refusal(text)).toBe(`${text}:11:1: *Partition groups: value "gang" is not an integer`);
    const fraction = tempFile('bad.paj', `${network}*Partition groups\n*Vertices 3\n1 1.5 2\n`);
    expect(await refusal(fraction)).toBe(`${fraction}:10:3: *Partition groups: value "1.5" is not an integer`);
    const vector = tempFile('bad.paj', `${network}*Vector size\n*Vertices 3\n1\n2\nNaN\n`);
    expect(await refusal(vector)).toBe(`${vector}:12:1: *Vector size: value "NaN" is not a number`);
  });

  it('refuses a second *Network: a project of several networks is imported one network at a time', async () => {
    const message = 'a second *Network: Nexo imports one network at a time (in Pajek, save each network of this project as its own file)';
    const two = tempFile('two.paj', `${network}*Partition groups\n*Vertices 3\n1\n1\n2\n*Network other\n*Vertices 5\n*Partition groups\n*Vertices 5\n`);
    expect(await refusal(two)).toBe(`${two}:13: ${message}`);
    const unnamed = tempFile('two.paj', '*Vertices 1\n*Network other\n*Vertices 1\n');
    expect(await refusal(unnamed)).toBe(`${unnamed}:2: ${message}`);
  });

  it('in a preview, reports a bad partition in line order and reads the nodes without it', async () => {
    const file = tempFile('bad.paj', `${network}3 9\n*Partition groups\n*Vertices 3\n1\nx\n2\n*Vector size\n*Vertices 3\n1\n2\n3\n`);
    const read = await collected(file);
    expect(read.problems).toEqual([
      `${file}:8:3: unknown vertex "9" (the network has vertices 1 to 3)`,
      `${file}:12:1: *Partition groups: value "x" is not an integer`,
    ]);
    expect(Object.fromEntries(nodeByKey(read, '2').properties)).toEqual({ label: 'Bo', size: 2 });
  });
});
