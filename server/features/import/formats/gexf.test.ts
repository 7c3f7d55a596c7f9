import { describe, expect, it } from 'vitest';
import { nodeByKey, readAll, refusal, tempFile } from './testing.js';

const gexf = (body: string, defaultedgetype = 'directed') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph defaultedgetype="${defaultedgetype}">\n<attributes class="node"><attribute id="0" title="age" type="integer"/></attributes>\n${body}\n</graph>\n</gexf>\n`;

describe('GEXF', () => {
  it('reads the example: label as caption, typed attvalues, defaults, lists, weights, kinds and per-edge direction', async () => {
    const read = await readAll('data/examples/network.gexf');
    expect(read.nodes).toHaveLength(12);
    expect(read.relationships).toHaveLength(14);
    const ana = nodeByKey(read, '1');
    expect(ana).toMatchObject({ caption: 'Ana Ruiz', labels: ['Person'] });
    expect(ana.properties).toEqual(
      new Map<string, unknown>([
        ['role', 'organiser'],
        ['age', 48n],
        ['aliases', ['La Jefa', 'AR']],
        ['watched', true],
        ['kind', 'Person'],
        ['label', 'Ana Ruiz'],
      ]),
    );
    expect(nodeByKey(read, '4').properties).toEqual(
      new Map<string, unknown>([
        ['watched', false],
        ['kind', 'Person'],
        ['label', 'Diego Paz'],
      ]),
    );
    expect(read.relationships[0]).toMatchObject({ key: '0', start: '1', end: '2', type: 'CALLED', undirected: false });
    expect(read.relationships[0]!.properties).toEqual(
      new Map<string, unknown>([
        ['evidence', 'wiretap W-7'],
        ['weight', 14],
      ]),
    );
    expect(read.relationships.filter((tie) => tie.undirected).map((tie) => tie.type)).toEqual(['MET']);
    const payments = read.relationships.filter((tie) => tie.type === 'PAID');
    expect(payments.map((tie) => [tie.properties.get('label'), tie.properties.get('weight')])).toEqual([
      ['first payment', 1500.5],
      ['second payment', 900],
    ]);
  });

  it('takes a label from a type, kind or category attribute (never from the node label) and a type from an edge label when no kind', async () => {
    const attributes = '<attributes class="node"><attribute id="t" title="Category" type="string"/></attributes>';
    const body = [
      '<nodes><node id="a" label="Vehicle"/><node id="b" label="B"><attvalues><attvalue for="t" value="Vehicle"/></attvalues></node></nodes>',
      '<edges><edge source="a" target="b" label="owned by"/><edge source="a" target="b" kind="SEEN_AT" label="camera 4"/></edges>',
    ].join('\n');
    const read = await readAll(tempFile('g.gexf', gexf(body).replace('<nodes>', `${attributes}\n<nodes>`)));
    expect(read.nodes.map((node) => node.labels)).toEqual([['Node'], ['Vehicle']]);
    expect(read.relationships.map((tie) => [tie.type, tie.properties.get('label')])).toEqual([
      ['owned by', 'owned by'],
      ['SEEN_AT', 'camera 4'],
    ]);
  });

  it('honours defaultedgetype="undirected"', async () => {
    const file = tempFile('g.gexf', gexf('<nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges>', 'undirected'));
    expect((await readAll(file)).relationships[0]).toMatchObject({ undirected: true, type: 'TIE' });
  });

  it('refuses truncated XML, a bad integer, an undeclared attribute, a missing end node and duplicate ids with file:line', async () => {
    const whole = gexf('<nodes><node id="a"/>\n<node id="b"/></nodes>');
    const truncated = tempFile('g.gexf', whole.slice(0, whole.indexOf('</nodes>')));
    expect(await refusal(truncated)).toBe(`${truncated}:6: malformed XML: unclosed tag: nodes (the file ends here)`);
    const integer = tempFile('g.gexf', gexf('<nodes>\n<node id="a"><attvalues><attvalue for="0" value="4.5"/></attvalues></node></nodes>'));
    expect(await refusal(integer)).toMatch(new RegExp(`^${integer}:6:\\d+: node attribute "age": "4.5" is not an integer`));
    const undeclared = tempFile('g.gexf', gexf('<nodes>\n<node id="a"><attvalues><attvalue for="9" value="x"/></attvalues></node></nodes>'));
    expect(await refusal(undeclared)).toMatch(new RegExp(`^${undeclared}:6:\\d+: <attvalue for="9"> names no declared node attribute`));
    const missing = tempFile('g.gexf', gexf('<nodes><node id="a"/></nodes>\n<edges><edge source="a" target="b"/></edges>'));
    expect(await refusal(missing)).toBe(`${missing}:6: relationship end "b" is not a node of this import`);
    const duplicate = tempFile('g.gexf', gexf('<nodes><node id="a"/>\n<node id="a"/></nodes>'));
    expect(await refusal(duplicate)).toBe(`${duplicate}:6: duplicate id "a"`);
    const weight = tempFile('g.gexf', gexf('<nodes><node id="a"/></nodes>\n<edges><edge source="a" target="a" weight="lots"/></edges>'));
    expect(await refusal(weight)).toMatch(new RegExp(`^${weight}:6:\\d+: edge weight "lots" is not a number`));
  });

  it('refuses a file whose root is not <gexf>', async () => {
    const file = tempFile('g.gexf', '<?xml version="1.0"?>\n<graphml/>\n');
    expect(await refusal(file)).toMatch(new RegExp(`^${file}:2:\\d+: expected a <gexf> root element, found <graphml>`));
  });
  it("keeps a dynamic graph's times: element periods, spells, and every value of an attribute that changes over time", async () => {
    const file = tempFile(
      'dynamic.gexf',
      `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
    <attributes class="node" mode="dynamic"><attribute id="0" title="role" type="string"/></attributes>
    <nodes>
      <node id="a" label="Ana" start="2019-01-01">
        <attvalues>
          <attvalue for="0" value="courier" start="2019-01-01" end="2019-06-30"/>
          <attvalue for="0" value="boss" start="2019-07-01"/>
        </attvalues>
        <spells><spell start="2019-01-01" end="2019-12-31"/><spell start="2021-01-01"/></spells>
      </node>
      <node id="b" label="Ben"><attvalues><attvalue for="0" value="driver"/></attvalues></node>
    </nodes>
    <edges><edge id="e" source="a" target="b" start="2019-03-01" end="2019-04-01"/></edges>
  </graph>
</gexf>`,
    );
    const read = await readAll(file);
    expect(Object.fromEntries(read.nodes[0]!.properties)).toEqual({
      role: ['courier', 'boss'],
      'role periods': ['2019-01-01/2019-06-30', '2019-07-01/..'],
      label: 'Ana',
      start: '2019-01-01',
      spells: ['2019-01-01/2019-12-31', '2021-01-01/..'],
    });
    expect(Object.fromEntries(read.nodes[1]!.properties)).toEqual({ role: 'driver', label: 'Ben' });
    expect(Object.fromEntries(read.relationships[0]!.properties)).toEqual({ start: '2019-03-01', end: '2019-04-01' });
  });
});
