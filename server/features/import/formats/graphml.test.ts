import { describe, expect, it } from 'vitest';
import { nodeByKey, readAll, refusal, tempFile } from './testing.js';

const graphml = (body: string, edgedefault = 'directed') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="n" for="node" attr.name="name" attr.type="string"/>\n<graph edgedefault="${edgedefault}">\n${body}\n</graph>\n</graphml>\n`;

describe('GraphML', () => {
  it('reads the example: typed attributes, defaults, name as caption, type as label and relationship type, edgedefault="undirected" honoured', async () => {
    const read = await readAll('data/examples/network.graphml');
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(14);
    const ana = nodeByKey(read, 'n1');
    expect(ana).toMatchObject({ labels: ['Person'], caption: 'Ana Ruiz', line: 15 });
    // `type` names the label and stays data; age is an int key, so an integer.
    expect(ana.properties).toEqual(
      new Map<string, unknown>([
        ['name', 'Ana Ruiz'],
        ['role', 'organiser'],
        ['age', 48n],
        ['type', 'Person'],
      ]),
    );
    expect(nodeByKey(read, 'n4').properties).toEqual(
      new Map<string, unknown>([
        ['role', 'unknown'],
        ['name', 'Diego Paz'],
        ['type', 'Person'],
        ['informant', true],
      ]),
    );
    expect(read.relationships[0]).toMatchObject({ key: 'e1', start: 'n1', end: 'n2', type: 'TIE', undirected: true });
    expect(read.relationships[0]!.properties).toEqual(
      new Map<string, unknown>([
        ['weight', 14],
        ['evidence', 'wiretap W-7'],
      ]),
    );
    expect(read.relationships.find((tie) => tie.key === 'e9')).toMatchObject({ start: 'n8', end: 'n9', undirected: false });
    expect(read.relationships.find((tie) => tie.key === 'e14')).toMatchObject({ type: 'REPRESENTS', undirected: false });
    expect(read.relationships.filter((tie) => tie.undirected)).toHaveLength(12);
    expect(read.nodes.map((node) => node.labels.join())).toEqual([...Array<string>(10).fill('Person'), 'Company', 'Place']);
    const metAt = read.relationships.filter((tie) => tie.type === 'MET_AT');
    expect(metAt.map((tie) => [tie.key, tie.properties.get('type')])).toEqual([
      ['e12', 'MET_AT'],
      ['e13', 'MET_AT'],
    ]);
  });

  it('takes a label from the first type, kind or category data of a node (any case), a type from type, kind, interaction or label data of an edge', async () => {
    const keys = [
      '<key id="k" for="node" attr.name="Kind" attr.type="string"/>',
      '<key id="c" for="node" attr.name="category" attr.type="int"/>',
      '<key id="t" for="node" attr.name="type" attr.type="string"/>',
      '<key id="et" for="edge" attr.name="Type" attr.type="string"/>',
      '<key id="el" for="edge" attr.name="label" attr.type="string"/>',
      '<key id="ei" for="edge" attr.name="interaction" attr.type="string"/>',
    ].join('\n');
    const body = [
      '<node id="a"><data key="k">  organised   crime group </data><data key="t">Gang</data></node>',
      '<node id="b"><data key="c">7</data></node>',
      '<node id="c"><data key="t">Source</data></node>',
      '<node id="d" labels=":Suspect"><data key="t">Person</data></node>',
      '<node id="e"><data key="t">   </data><data key="k">__nexo</data></node>',
      '<edge source="a" target="b"><data key="et">Undirected</data><data key="el">calls</data></edge>',
      '<edge source="a" target="b" label="KNOWS"><data key="el">calls</data></edge>',
      '<edge source="a" target="b"><data key="et">paid</data></edge>',
      '<edge source="a" target="b"><data key="el">Ana - Bo</data><data key="ei">pp</data></edge>',
    ].join('\n');
    const read = await readAll(tempFile('g.graphml', graphml(body).replace('<graph ', `${keys}\n<graph `)));
    // type wins over Kind; inner white space is tidied; a numeric category is text; Source is Nexo's, so Node; APOC labels win.
    expect(read.nodes.map((node) => [node.key, node.labels])).toEqual([
      ['a', ['Gang']],
      ['b', ['7']],
      ['c', ['Node']],
      ['d', ['Suspect']],
      ['e', ['Node']],
    ]);
    expect(nodeByKey(read, 'a').properties.get('Kind')).toBe('  organised   crime group ');
    expect(nodeByKey(read, 'c').properties.get('type')).toBe('Source');
    // A Type that is only a direction names no type; the edge's label attribute (APOC) wins over data; Cytoscape's
    // interaction comes before a label.
    expect(read.relationships.map((tie) => tie.type)).toEqual(['calls', 'KNOWS', 'paid', 'pp']);
  });

  it('reads node labels from an APOC-style labels attribute, and ties to nodes declared later', async () => {
    const file = tempFile(
      'g.graphml',
      graphml('<edge source="a" target="b" label="KNOWS"/>\n<node id="a" labels=":Person:Suspect"><data key="n">A &amp; co</data></node>\n<node id="b"/>'),
    );
    const read = await readAll(file);
    expect(read.nodes.map((node) => [node.key, node.labels, node.caption ?? null])).toEqual([
      ['a', ['Person', 'Suspect'], 'A & co'],
      ['b', ['Node'], null],
    ]);
    expect(read.relationships[0]).toMatchObject({ start: 'a', end: 'b', type: 'KNOWS', undirected: false });
  });

  it("skips yEd's graphics keys and reads CDATA as text", async () => {
    const yed = graphml(
      '<node id="a"><data key="g"><y:ShapeNode><y:NodeLabel>A</y:NodeLabel></y:ShapeNode></data><data key="n"><![CDATA[Ana <the boss>]]></data></node>',
    ).replace('<graph ', '<key id="g" for="node" yfiles.type="nodegraphics"/>\n<graph ');
    const read = await readAll(tempFile('y.graphml', yed));
    expect(read.nodes[0]!.properties).toEqual(new Map([['name', 'Ana <the boss>']]));
  });

  it('takes the names of a yEd chart from its drawn labels when it has no name or label data', async () => {
    const chart = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="0" y="0"/>
      <y:NodeLabel alignment="center" autoSizePolicy="content">Ana
  Ruiz</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Bruno Díaz</y:NodeLabel><y:NodeLabel>second label</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n2"><data key="d6"><y:ShapeNode><y:Shape type="rectangle"/></y:ShapeNode></data></node>
    <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>paid</y:EdgeLabel></y:PolyLineEdge></data></edge>
    <edge id="e1" source="n1" target="n2"><data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data></edge>
  </graph>
</graphml>
`;
    const read = await readAll(tempFile('chart.graphml', chart));
    expect(read.nodes.map((node) => [node.key, node.caption ?? null, Object.fromEntries(node.properties)])).toEqual([
      ['n0', 'Ana Ruiz', { label: 'Ana Ruiz' }],
      ['n1', 'Bruno Díaz', { label: 'Bruno Díaz' }],
      ['n2', null, {}],
    ]);
    // An edge's drawn label names its type, as an edge's label data does (kinds.ts).
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.type, Object.fromEntries(tie.properties)])).toEqual([
      ['n0', 'n1', 'paid', { label: 'paid' }],
      ['n1', 'n2', 'TIE', {}],
    ]);
  });

  it('refuses truncated XML with its line', async () => {
    const whole = graphml('<node id="a"/>\n<node id="b"/>\n<edge source="a" target="b"/>');
    const file = tempFile('g.graphml', whole.slice(0, whole.indexOf('<edge')));
    expect(await refusal(file)).toBe(`${file}:6: malformed XML: unclosed tag: graph (the file ends here)`);
  });

  it('refuses malformed XML, an undeclared key, a bad typed value, a missing end node and duplicate ids', async () => {
    const broken = tempFile('g.graphml', graphml('<node id="a"><data key="n">x</node>'));
    expect(await refusal(broken)).toMatch(new RegExp(`^${broken}:5:\\d+: malformed XML`));
    const undeclared = tempFile('g.graphml', graphml('<node id="a"><data key="zz">x</data></node>'));
    expect(await refusal(undeclared)).toMatch(new RegExp(`^${undeclared}:5:\\d+: <data key="zz"> has no <key id="zz"> declared before it`));
    const typed = tempFile(
      'g.graphml',
      graphml('<node id="a"><data key="w">heavy</data></node>').replace('<graph ', '<key id="w" for="node" attr.name="weight" attr.type="double"/>\n<graph '),
    );
    expect(await refusal(typed)).toMatch(new RegExp(`^${typed}:6:\\d+: node data "weight" \\(key w\\): "heavy" is not a number`));
    const huge = tempFile(
      'g.graphml',
      graphml('<node id="a"><data key="c">99999999999999999999</data></node>').replace(
        '<graph ',
        '<key id="c" for="node" attr.name="calls" attr.type="long"/>\n<graph ',
      ),
    );
    expect(await refusal(huge)).toMatch(
      new RegExp(`^${huge}:6:\\d+: node data "calls" \\(key c\\): "99999999999999999999" is beyond the 64-bit integers Neo4j stores`),
    );
    const missing = tempFile('g.graphml', graphml('<node id="a"/>\n<edge source="a" target="ghost"/>'));
    expect(await refusal(missing)).toBe(`${missing}:6: relationship end "ghost" is not a node of this import`);
    const duplicate = tempFile('g.graphml', graphml('<node id="a"/>\n<node id="a"/>'));
    expect(await refusal(duplicate)).toBe(`${duplicate}:6: duplicate id "a"`);
  });

  it('refuses invalid UTF-8 and a declared encoding other than UTF-8, each with its line', async () => {
    const whole = graphml('<node id="a"><data key="n">Jos__</data></node>');
    const bytes = Buffer.from(whole);
    const at = bytes.indexOf('__');
    bytes[at] = 0xe9;
    const file = tempFile('g.graphml', bytes);
    expect(await refusal(file)).toBe(`${file}:5: invalid UTF-8 (save the file as UTF-8)`);
    const latin = tempFile('g.graphml', graphml('<node id="a"/>').replace('UTF-8', 'ISO-8859-1'));
    expect(await refusal(latin)).toMatch(new RegExp(`^${latin}:1: the file declares encoding "ISO-8859-1"; save it as UTF-8`));
  });

  it('refuses nested graphs and hyperedges', async () => {
    const nested = tempFile('g.graphml', graphml('<node id="a"><graph id="inner"/></node>'));
    expect(await refusal(nested)).toMatch(new RegExp(`^${nested}:5:\\d+: nested graphs are not supported`));
    const hyper = tempFile('g.graphml', graphml('<node id="a"/><hyperedge/>'));
    expect(await refusal(hyper)).toMatch(new RegExp(`^${hyper}:5:\\d+: <hyperedge> is not supported`));
  });
  it('reads the floats that are not numbers as igraph writes them for missing values: NaN, INF, -inf', async () => {
    const file = tempFile(
      'g.graphml',
      graphml(
        '<node id="a"><data key="x">NaN</data></node>\n<node id="b"><data key="x">INF</data></node>\n<node id="c"><data key="x">-inf</data></node>',
      ).replace('<graph ', '<key id="x" for="node" attr.name="age" attr.type="double"/>\n<graph '),
    );
    expect((await readAll(file)).nodes.map((node) => node.properties.get('age'))).toEqual([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  });
});
