import { describe, expect, it } from 'vitest';
import { collected, nodeByKey, readAll, refusal, tempFile } from './testing.js';

const json = (value: unknown, name = 'graph.json') => tempFile(name, JSON.stringify(value, null, 1));
const ties = (read: Awaited<ReturnType<typeof readAll>>) => read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.undirected]);

describe('JSON graphs', () => {
  it('reads the example, node-link as NetworkX writes a MultiDiGraph: ids, names, kinds, typed properties, weights', async () => {
    const read = await readAll('data/examples/network.json');
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(13);
    const ana = nodeByKey(read, '1');
    expect(ana).toMatchObject({ labels: ['Person'], caption: 'Ana Ruiz', line: 6 });
    expect(ana.properties).toEqual(
      new Map<string, unknown>([
        ['name', 'Ana Ruiz'],
        ['type', 'Person'],
        ['role', 'organiser'],
        ['age', 48n],
        ['aliases', ['La Jefa', 'AR']],
      ]),
    );
    // null leaves a property out; an object has no Neo4j type and is kept as its JSON text.
    expect(nodeByKey(read, '6').properties.has('role')).toBe(false);
    expect(nodeByKey(read, '9').properties.get('suspended')).toBe(true);
    expect(nodeByKey(read, '11')).toMatchObject({ labels: ['Company'], caption: 'Naviera Sur S.A.' });
    expect(nodeByKey(read, '11').properties.get('registry')).toBe('{"country":"CL","number":"76.123.456-7"}');
    expect(read.relationships[0]).toMatchObject({ start: '1', end: '2', type: 'CALLED', undirected: false, line: 20, key: undefined });
    // NetworkX's multigraph key numbers ties within a pair only, so it stays a property, not the tie's id.
    expect(read.relationships[0]!.properties).toEqual(
      new Map<string, unknown>([
        ['key', 0n],
        ['type', 'CALLED'],
        ['weight', 14n],
        ['evidence', 'wiretap W-7'],
      ]),
    );
    expect(read.relationships.slice(6, 8).map((tie) => [tie.type, tie.properties.get('weight'), tie.properties.get('label')])).toEqual([
      ['PAID', 1500.5, 'first payment'],
      ['PAID', 900, 'second payment'],
    ]);
  });

  it("reads node-link without directed as undirected (NetworkX's default), NetworkX 3.4's edges, and --undirected, --label, --type", async () => {
    const graph = { nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b' }] };
    expect(ties(await readAll(json(graph)))).toEqual([['a', 'b', 'TIE', true]]);
    const directed = json({ directed: true, ...graph });
    expect(ties(await readAll(directed))).toEqual([['a', 'b', 'TIE', false]]);
    const read = await readAll(directed, { undirected: true, label: 'Person', type: 'KNOWS' });
    expect(ties(read)).toEqual([['a', 'b', 'KNOWS', true]]);
    expect(read.nodes.map((node) => node.labels)).toEqual([['Person'], ['Person']]);
  });

  it("reads d3's files: links by index into nodes that have no id, ends as node objects, value kept as value", async () => {
    const miserables = tempFile(
      'miserables.json',
      '{"nodes":[{"name":"Myriel","group":1},{"name":"Napoleon","group":1},{"name":"Mlle.Baptistine","group":1}],\n' +
        '"links":[{"source":1,"target":0,"value":1},{"source":2,"target":0,"value":8}]}',
    );
    const read = await readAll(miserables);
    expect(read.nodes.map((node) => [node.key, node.caption, node.properties.get('group')])).toEqual([
      ['0', 'Myriel', 1n],
      ['1', 'Napoleon', 1n],
      ['2', 'Mlle.Baptistine', 1n],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.undirected, tie.properties.get('value'), tie.line])).toEqual([
      ['1', '0', true, 1n, 2],
      ['2', '0', true, 8n, 2],
    ]);
    const simulated = json({ nodes: [{ id: 'x' }, { id: 'y' }], links: [{ source: { id: 'x', index: 0, vx: 0.1 }, target: { id: 'y', index: 1 } }] });
    expect(ties(await readAll(simulated))).toEqual([['x', 'y', 'TIE', true]]);
  });

  it('keeps numbers exactly: integers past 2^53 as 64-bit integers, past 64 bits as their digits, floats as floats', async () => {
    const file = tempFile(
      'graph.json',
      '{"nodes": [{"id": 9007199254740993, "phone": 9007199254740993, "imsi": 123456789012345678901, "score": 1.0, "big": 1e400,' +
        ' "mixed": [1, 2.5], "tags": ["a", 1, true], "rows": [[1, 2]], "empty": []}], "links": []}',
    );
    const node = (await readAll(file)).nodes[0]!;
    expect(node.key).toBe('9007199254740993');
    expect(node.properties).toEqual(
      new Map<string, unknown>([
        ['phone', 9007199254740993n],
        ['imsi', '123456789012345678901'],
        ['score', 1],
        ['big', Number.POSITIVE_INFINITY],
        ['mixed', [1, 2.5]],
        ['tags', ['a', '1', 'true']],
        ['rows', '[[1,2]]'],
        ['empty', []],
      ]),
    );
  });

  it('reads names verbatim: id, type, __proto__ are data', async () => {
    const file = tempFile('graph.json', '{"nodes": [{"id": "a", "__proto__": {"x": 1}, "constructor": "c", "Type": "Suspect"}], "links": []}');
    const node = (await readAll(file)).nodes[0]!;
    expect(node.labels).toEqual(['Suspect']);
    expect([...node.properties]).toEqual([
      ['__proto__', '{"x":1}'],
      ['constructor', 'c'],
      ['Type', 'Suspect'],
    ]);
  });

  it("reads Cytoscape's elements, grouped (.cyjs) or flat, data only, interaction as the type, directed", async () => {
    const cyjs = json(
      {
        format_version: '1.0',
        data: { name: 'case' },
        elements: {
          nodes: [
            { data: { id: '1', name: 'Ana', SUID: 1, kind: 'Person' }, position: { x: 1, y: 2 }, selected: false },
            { data: { id: '2', label: 'Bruno' } },
          ],
          edges: [{ data: { id: 'e1', source: '1', target: '2', interaction: 'calls', weight: 3.5 }, style: {} }],
        },
      },
      'case.cyjs',
    );
    const read = await readAll(cyjs);
    expect(read.nodes.map((node) => [node.key, node.labels, node.caption, Object.fromEntries(node.properties)])).toEqual([
      ['1', ['Person'], 'Ana', { name: 'Ana', SUID: 1n, kind: 'Person' }],
      ['2', ['Node'], 'Bruno', { label: 'Bruno' }],
    ]);
    expect(read.relationships[0]).toMatchObject({ start: '1', end: '2', type: 'calls', undirected: false, key: 'e1' });
    expect(read.relationships[0]!.properties).toEqual(
      new Map<string, unknown>([
        ['interaction', 'calls'],
        ['weight', 3.5],
      ]),
    );
    const flat = json({
      elements: [
        { group: 'nodes', data: { id: 'a' } },
        { data: { id: 'b' } },
        { group: 'edges', data: { source: 'a', target: 'b' } },
        { data: { id: 'ba', source: 'b', target: 'a' } },
      ],
    });
    // NetworkX's cytoscape_data says whether its graph is directed.
    const networkx = json({
      data: [],
      directed: false,
      multigraph: false,
      elements: { nodes: [{ data: { id: 'a' } }], edges: [{ data: { source: 'a', target: 'a' } }] },
    });
    expect(ties(await readAll(networkx))).toEqual([['a', 'a', 'TIE', true]]);
    const flatRead = await readAll(flat, { format: 'json' });
    expect(flatRead.nodes.map((node) => node.key)).toEqual(['a', 'b']);
    expect(flatRead.relationships.map((tie) => [tie.start, tie.end, tie.key, tie.undirected])).toEqual([
      ['a', 'b', undefined, false],
      ['b', 'a', 'ba', false],
    ]);
  });

  it("reads graphology's serialisation: keys, attributes, options.type and each edge's undirected", async () => {
    const mixed = json({
      attributes: { name: 'case' },
      options: { type: 'mixed', multi: true, allowSelfLoops: true },
      nodes: [{ key: 'a', attributes: { label: 'Ana', category: 'Person', x: 1.5 } }, { key: 'b' }],
      edges: [
        { key: 'e1', source: 'a', target: 'b', attributes: { weight: 2, type: 'PAID' } },
        { source: 'b', target: 'a', undirected: true },
      ],
    });
    const read = await readAll(mixed);
    expect(read.nodes.map((node) => [node.key, node.labels, node.caption, Object.fromEntries(node.properties)])).toEqual([
      ['a', ['Person'], 'Ana', { label: 'Ana', category: 'Person', x: 1.5 }],
      ['b', ['Node'], undefined, {}],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.undirected, tie.key, Object.fromEntries(tie.properties)])).toEqual([
      ['a', 'b', 'PAID', false, 'e1', { weight: 2n, type: 'PAID' }],
      ['b', 'a', 'TIE', true, undefined, {}],
    ]);
    const undirected = json({ options: { type: 'undirected' }, nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] });
    expect(ties(await readAll(undirected))).toEqual([['a', 'b', 'TIE', true]]);
    // Without options, graphology's items tell it from node-link, and its ties are directed (mixed).
    const bare = json({ nodes: [{ key: 'a', attributes: {} }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] });
    expect(ties(await readAll(bare))).toEqual([['a', 'b', 'TIE', false]]);
  });

  it('reads ties before the nodes they join (JSON members come in any order)', async () => {
    const file = tempFile('graph.json', '{"links": [{"source": "a", "target": "b"}], "nodes": [{"id": "a"}, {"id": "b"}], "directed": false}');
    expect(ties(await readAll(file))).toEqual([['a', 'b', 'TIE', true]]);
  });

  it('refuses with file:line:column: truncated JSON, a missing end, a duplicate id, a bad weight, a late direction', async () => {
    const truncated = tempFile('graph.json', '{"directed": true,\n "nodes": [{"id": 1},\n {"id": 2');
    expect(await refusal(truncated)).toBe(`${truncated}:3: malformed JSON: the file ends before the JSON is complete (inside "nodes")`);
    const missing = tempFile('graph.json', '{"nodes": [{"id": 1}],\n "links": [\n  {"source": 1, "target": 2}\n]}');
    expect(await refusal(missing)).toBe(`${missing}:3: relationship end "2" is not a node of this import`);
    const duplicate = tempFile('graph.json', '{"nodes": [\n {"id": "a"},\n {"id": "a"}\n], "links": []}');
    expect(await refusal(duplicate)).toBe(`${duplicate}:3: duplicate id "a"`);
    const weight = tempFile('graph.json', '{"nodes": [{"id": 1}],\n "links": [{"source": 1, "target": 1, "weight": "heavy"}]}');
    expect(await refusal(weight)).toBe(`${weight}:2:12: weight "heavy" is not a number`);
    const late = tempFile('graph.json', '{"nodes": [{"id": 1}], "links": [{"source": 1, "target": 1}],\n "directed": true}');
    expect(await refusal(late)).toBe(
      `${late}:2:14: "directed": true comes after 1 ties already read as undirected: write it before the ties (as NetworkX and graphology do)`,
    );
    expect(await refusal(json({ links: [{ target: 1 }], nodes: [] }))).toMatch(/:3:3: source is missing$/);
    expect(await refusal(json({ nodes: { a: 1 } }), { format: 'json' })).toMatch(/:2:11: "nodes" is not a list$/);
    expect(await refusal(json({ graph: {} }), { format: 'json' })).toMatch(/:1: not a JSON graph: no "nodes", "links", "edges" or "elements"/);
  });

  it('lists every bad item in a preview and reads the rest', async () => {
    const file = tempFile(
      'graph.json',
      '{"nodes": [{"id": "a"}, {"name": "no id"}, {"id": true}],\n "links": [{"source": "a"}, {"source": "a", "target": "a"}]}',
    );
    const read = await collected(file);
    expect(read.problems).toEqual([`${file}:1:44: node id true is not a string or a number`, `${file}:2:12: target is missing`]);
    expect(read.nodes.map((node) => node.key)).toEqual(['a', '1']);
    expect(read.relationships).toHaveLength(1);
  });
});
