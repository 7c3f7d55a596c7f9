import { describe, expect, it } from 'vitest';
import { exportEdgeList } from './exportEdgeList.js';
import { exportFtm } from './exportFtm.js';
import { exportGexf } from './exportGexf.js';
import { exportGraphml } from './exportGraphml.js';
import { ExportError, joinChunks, type ExportNetwork } from './exportShape.js';
import { readAll, tempFile, tempFolder, type ReadBack } from './testing.js';

/** Properties as sorted entries: a format may list them in another order, which is not a difference. */
function sorted(properties: Map<string, unknown>) {
  return [...properties].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The parts of a network that an export must keep: nodes and relationships in order, with their properties. */
function essentials(read: ReadBack | ExportNetwork) {
  return {
    nodes: [...read.nodes].map((node) => ({ key: node.key, labels: node.labels, properties: sorted(node.properties) })),
    relationships: [...read.relationships].map((tie) => ({
      start: tie.start,
      end: tie.end,
      type: tie.type,
      undirected: tie.undirected,
      properties: sorted(tie.properties),
    })),
  };
}

const awkward: ExportNetwork = {
  nodes: [
    {
      key: 'a&<1>',
      labels: ['Person', 'Suspect'],
      properties: new Map<string, never>([
        ['name', 'Ana "La Jefa" Ruiz' as never],
        ['notes', 'line one\nline two\ttabbed\r\nend' as never],
        ['age', 48n as never],
        ['score', 0.25 as never],
        ['watched', true as never],
        ['aliases', ['AR', 'Jefa, La'] as never],
        ['__proto__', 'data' as never],
        ['type', 'person' as never],
      ]),
    },
    { key: 'b', labels: ['Company'], properties: new Map<string, never>([['name', 'Naviera Sur' as never]]) },
  ],
  relationships: [
    {
      start: 'a&<1>',
      end: 'b',
      type: 'DIRECTS',
      undirected: false,
      properties: new Map<string, never>([
        ['weight', 2.5 as never],
        ['since', '2019' as never],
      ]),
    },
    { start: 'b', end: 'a&<1>', type: 'KNOWS', undirected: true, properties: new Map() },
    { start: 'b', end: 'a&<1>', type: 'KNOWS', undirected: true, properties: new Map<string, never>([['count', 3n as never]]) },
  ],
};

describe('exporters round-trip through the readers', () => {
  it('GraphML keeps keys, labels, types, directions and typed properties, lists and odd text included', async () => {
    const file = tempFile('out.graphml', joinChunks(exportGraphml(awkward)));
    expect(essentials(await readAll(file))).toEqual(essentials(awkward));
  });

  it('GEXF keeps the same', async () => {
    const file = tempFile('out.gexf', joinChunks(exportGexf(awkward)));
    expect(essentials(await readAll(file))).toEqual(essentials(awkward));
  });

  it('GraphML and GEXF give back each example network as it was read', async () => {
    for (const example of ['data/examples/network.graphml', 'data/examples/network.gexf', 'data/examples/network.net', 'data/examples/entities.ftm']) {
      const original = await readAll(example);
      for (const [name, exporter] of [
        ['out.graphml', exportGraphml],
        ['out.gexf', exportGexf],
      ] as const) {
        const file = tempFile(name, joinChunks(exporter(original)));
        expect([example, name, essentials(await readAll(file))]).toEqual([example, name, essentials(original)]);
      }
    }
  });

  it('FtM JSON lines gives back an FtM network: schemata, interval ends, lists of values, ids', async () => {
    const original = await readAll('data/examples/entities.ftm');
    const file = tempFile('out.ftm', joinChunks(exportFtm(original)));
    const back = await readAll(file);
    expect(essentials(back)).toEqual(essentials(original));
    expect(back.relationships.map((tie) => tie.key)).toEqual(original.relationships.map((tie) => tie.key));
  });

  it('FtM writes a type it lacks as UnknownLink with the type as role, and __proto__ as a property', async () => {
    const lines = joinChunks(exportFtm(awkward))
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(lines[0].properties).toHaveProperty('__proto__', ['data']);
    expect(Object.keys(lines[0].properties)).toContain('__proto__');
    expect(lines[2]).toMatchObject({ schema: 'UnknownLink', properties: { subject: ['a&<1>'], object: ['b'], role: ['DIRECTS'], weight: ['2.5'] } });
  });

  it('edge-list CSV gives back the example edge list exactly (text values, numeric weights)', async () => {
    const original = await readAll('data/examples/edgelist');
    const { nodes, ties } = exportEdgeList(original);
    const back = await readAll(tempFolder({ 'nodes.csv': nodes, 'ties.csv': ties }));
    expect(essentials(back)).toEqual(essentials(original));
  });

  it('edge-list CSV refuses what it cannot hold: mixed directions, a structural property name, a text weight', () => {
    expect(() => exportEdgeList(awkward)).toThrow(ExportError);
    expect(() => exportEdgeList(awkward)).toThrow('2 of 3 ties are undirected');
    const idProperty: ExportNetwork = { nodes: [{ key: 'a', labels: ['X'], properties: new Map([['ID', 'p-1']]) }], relationships: [] };
    expect(() => exportEdgeList(idProperty)).toThrow('a node property is called "ID"');
    const textWeight: ExportNetwork = {
      nodes: [{ key: 'a', labels: ['X'], properties: new Map() }],
      relationships: [{ start: 'a', end: 'a', type: 'T', undirected: false, properties: new Map([['weight', 'heavy']]) }],
    };
    expect(() => exportEdgeList(textWeight)).toThrow('weight "heavy" is not a number');
  });

  it('XML exports refuse control characters that XML cannot hold', () => {
    const control: ExportNetwork = { nodes: [{ key: 'a', labels: ['X'], properties: new Map([['name', 'bell\u0007']]) }], relationships: [] };
    expect(() => joinChunks(exportGraphml(control))).toThrow(ExportError);
    expect(() => joinChunks(exportGexf(control))).toThrow(ExportError);
  });
});
