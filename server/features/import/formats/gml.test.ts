import { describe, expect, it } from 'vitest';
import { collected, nodeByKey, readAll, refusal, tempFile } from './testing.js';

const gml = (body: string, head = '') => tempFile('network.gml', `${head}graph [\n${body}\n]\n`);

describe('GML', () => {
  it('reads the example: labels as captions, typed properties, a repeated key as a list, layout skipped, directed 1, parallel ties', async () => {
    const read = await readAll('data/examples/network.gml');
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(13);
    const ana = nodeByKey(read, '1');
    expect(ana).toMatchObject({ labels: ['Person'], caption: 'Ana Ruiz', line: 7 });
    // Integers are bigint, as GraphML's int keys; the graphics list is layout and is not read.
    expect(ana.properties).toEqual(
      new Map<string, unknown>([
        ['label', 'Ana Ruiz'],
        ['type', 'Person'],
        ['role', 'organiser'],
        ['age', 48n],
        ['alias', ['La Jefa', 'AR']],
      ]),
    );
    expect(nodeByKey(read, '11')).toMatchObject({ labels: ['Company'], caption: 'Naviera Sur S.A.', line: 36 });
    expect(read.nodes.map((node) => node.labels.join())).toEqual([...Array<string>(10).fill('Person'), 'Company', 'Place']);
    const ties = read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.undirected, tie.properties.get('weight') ?? null]);
    expect(ties).toEqual([
      ['1', '2', 'CALLED', false, 14n],
      ['1', '3', 'CALLED', false, 6n],
      ['2', '4', 'CALLED', false, 9n],
      ['5', '7', 'CALLED', false, 3n],
      ['6', '2', 'CALLED', false, 5n],
      ['10', '8', 'CALLED', false, 4n],
      ['8', '9', 'PAID', false, 1500.5],
      ['8', '9', 'PAID', false, 900],
      ['1', '5', 'MET', false, 2n],
      ['12', '1', 'MET_AT', false, null],
      ['12', '5', 'MET_AT', false, null],
      ['3', '11', 'WORKS_FOR', false, null],
      ['9', '11', 'WORKS_FOR', false, null],
    ]);
    expect(read.relationships[0]).toMatchObject({ line: 38, key: undefined });
    expect(read.relationships[0]!.properties).toEqual(
      new Map<string, unknown>([
        ['type', 'CALLED'],
        ['weight', 14n],
        ['evidence', 'wiretap W-7'],
      ]),
    );
    expect(read.relationships[7]!.properties.get('label')).toBe('second payment');
  });

  it("reads GML's default as undirected, directed 1 as directed, and --undirected over it", async () => {
    const ties = 'node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 ]';
    expect((await readAll(gml(ties))).relationships[0]).toMatchObject({ start: '1', end: '2', undirected: true, type: 'TIE' });
    expect((await readAll(gml(`directed 0 ${ties}`))).relationships[0]!.undirected).toBe(true);
    const directed = gml(`directed 1 ${ties}`);
    expect((await readAll(directed)).relationships[0]!.undirected).toBe(false);
    expect((await readAll(directed, { undirected: true, type: 'KNOWS', label: 'Person' })).relationships[0]).toMatchObject({
      undirected: true,
      type: 'KNOWS',
    });
    expect((await readAll(directed, { label: 'Person' })).nodes.map((node) => node.labels)).toEqual([['Person'], ['Person']]);
  });

  it('reads strings as NetworkX does: character references decoded, lines kept, # inside a string, unquoted ids and labels', async () => {
    const file = gml(
      [
        '# a comment line',
        '  node [ id "a&amp;b" label "Jos&#233; &quot;Pepe&quot; Mu&ntilde;oz &#x41; &bogus; &#99999999;" ] # a comment after tokens',
        '  node [ id b label Napoleon note "first line',
        '    second line # not a comment',
        'third" ]',
        '  edge [ source "a&amp;b" target b id "e1" ]',
      ].join('\n'),
      'Creator "Mark Newman on Fri Jul 21 12:39:27 2006"\nVersion 1\n',
    );
    const read = await readAll(file);
    expect(read.nodes.map((node) => [node.key, node.caption])).toEqual([
      ['a&b', 'José "Pepe" Muñoz A &bogus; &#99999999;'],
      ['b', 'Napoleon'],
    ]);
    expect(nodeByKey(read, 'b')).toMatchObject({ line: 6 });
    expect(nodeByKey(read, 'b').properties.get('note')).toBe('first line\n    second line # not a comment\nthird');
    expect(read.relationships[0]).toMatchObject({ start: 'a&b', end: 'b', key: 'e1', line: 9 });
  });

  it('reads the reals NetworkX writes, integers past 64 bits as their digits, a repeated key as a list of one type, and NetworkX one-item lists', async () => {
    const file = gml(
      'node [ id 1 x 1.E-05 y -INF z NAN w +INF v .5 big 123456789012345678901 n 1 n 2 m 1 m 2.5 s 1 s "one" one "_networkx_list_start" one "x" graphics [ x 1 y 2 ] ]',
    );
    const properties = (await readAll(file)).nodes[0]!.properties;
    expect(Object.fromEntries(properties)).toEqual({
      x: 0.00001,
      y: Number.NEGATIVE_INFINITY,
      z: Number.NaN,
      w: Number.POSITIVE_INFINITY,
      v: 0.5,
      // Past Neo4j's 64-bit integers: the digits, not a number wrapped round.
      big: '123456789012345678901',
      n: [1n, 2n],
      m: [1, 2.5],
      s: ['1', 'one'],
      one: ['x'],
    });
  });

  it('reads a Newman-style file: graph and [ on their own lines, every key on its own line', async () => {
    const file = tempFile(
      'dolphins.gml',
      'Creator "Mark Newman on Wed Jul 26 15:04:20 2006"\ngraph\n[\n  directed 0\n  node\n  [\n    id 0\n    label "Beak"\n  ]\n]\n',
    );
    expect((await readAll(file)).nodes).toMatchObject([{ key: '0', caption: 'Beak', line: 5 }]);
  });

  it('refuses a broken structure with file:line:column', async () => {
    const truncated = tempFile('network.gml', 'graph [\nnode [ id 1 ]\nnode [ id 2\n');
    expect(await refusal(truncated)).toBe(`${truncated}:3:1: node [ is not closed: the file ends before its ]`);
    const graphOpen = tempFile('network.gml', 'graph [\n  node [ id 1 ]\n');
    expect(await refusal(graphOpen)).toBe(`${graphOpen}:1:1: graph [ is not closed: the file ends before its ]`);
    const bad = gml('node [ id 1 weight 1,5 ]');
    expect(await refusal(bad)).toBe(`${bad}:2:20: "1,5" is not a GML key, number or string`);
    const noValue = gml('node [ id 1 weight ]');
    expect(await refusal(noValue)).toBe(`${noValue}:2:13: key "weight" has no value`);
    const noKey = gml('node [ id 1 2 ]');
    expect(await refusal(noKey)).toBe(`${noKey}:2:13: expected a key, found 2`);
    const unclosed = gml('node [ id 1 label "Ana ]');
    expect(await refusal(unclosed)).toBe(`${unclosed}:2:19: a string is not closed: the file ends before its closing "`);
    const extra = gml('node [ id 1 ] ]\nnode [ id 2 ]');
    expect(await refusal(extra)).toBe(`${extra}:3:1: node [ outside graph [ … ]`);
    const tooMany = tempFile('network.gml', 'graph [ ]\n]\n');
    expect(await refusal(tooMany)).toBe(`${tooMany}:2:1: a ] without its [`);
    const nested = gml('node [ id 1\nnode [ id 2 ]');
    expect(await refusal(nested)).toBe(`${nested}:3:1: node [ inside the node [ of line 2: is a ] missing before it?`);
    const none = tempFile('network.gml', 'Creator "nobody"\n');
    expect(await refusal(none)).toBe(`${none}:1: no graph [ … ]: not a GML network`);
  });

  it('refuses a node without id or with two, an edge without its ends, a duplicate id, an unknown end and a second graph', async () => {
    const noId = gml('node [ label "Ana" ]');
    expect(await refusal(noId)).toBe(`${noId}:2:1: node without id`);
    const twoIds = gml('node [ id 1 id 2 ]');
    expect(await refusal(twoIds)).toBe(`${twoIds}:2:13: node with more than one id`);
    const noTarget = gml('node [ id 1 ]\nedge [ source 1 ]');
    expect(await refusal(noTarget)).toBe(`${noTarget}:3:1: edge without target`);
    const duplicate = gml('node [ id 1 ]\nnode [ id "1" ]');
    expect(await refusal(duplicate)).toBe(`${duplicate}:3: duplicate id "1"`);
    const unknown = gml('node [ id 1 ]\nedge [ source 1 target 7 ]');
    expect(await refusal(unknown)).toBe(`${unknown}:3: relationship end "7" is not a node of this import`);
    const second = tempFile('network.gml', 'graph [ node [ id 1 ] ]\ngraph [ node [ id 2 ] ]\n');
    expect(await refusal(second)).toBe(`${second}:2:1: a second graph: only the first graph of a file is read`);
    const late = gml('node [ id 1 ] edge [ source 1 target 1 ]\ndirected 1');
    expect(await refusal(late)).toBe(`${late}:3:1: directed comes after the first edge: write it before the edges`);
  });

  it('stops an import at the first problem; a preview reports each node, edge or graph it leaves out and reads on', async () => {
    const file = tempFile(
      'network.gml',
      'graph [\n  directed 2\n  node [ label "no id" ]\n  node [ id 1 ]\n  edge [ target 1 ]\n  edge [ source 1 target 1 ]\n]\ngraph [ node [ id 2 ] ]\n',
    );
    expect(await refusal(file)).toBe(`${file}:2:3: directed is 0 or 1, found 2`);
    const read = await collected(file);
    expect(read.problems).toEqual([
      `${file}:2:3: directed is 0 or 1, found 2`,
      `${file}:3:3: node without id`,
      `${file}:5:3: edge without source`,
      `${file}:8:1: a second graph: only the first graph of a file is read`,
    ]);
    expect(read.nodes.map((node) => node.key)).toEqual(['1']);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.line, tie.undirected])).toEqual([['1', '1', 6, true]]);
  });
});
