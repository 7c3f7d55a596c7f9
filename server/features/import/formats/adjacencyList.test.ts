import { describe, expect, it } from 'vitest';
import { readAll, refusal, tempFile } from './testing.js';

describe('adjacency list', () => {
  it('reads the example: a node, then the nodes it is tied to; a node alone on its line has no ties', async () => {
    const read = await readAll('data/examples/network.adjlist');
    expect(read.nodes).toHaveLength(13);
    expect(read.nodes.find((node) => node.key === 'Karl')).toMatchObject({ line: 15, caption: 'Karl', labels: ['Node'] });
    expect(read.relationships).toHaveLength(12);
    expect(read.relationships.slice(0, 3).map((tie) => [tie.line, tie.start, tie.end, tie.type, tie.undirected])).toEqual([
      [3, 'Ana', 'Bruno', 'TIE', false],
      [3, 'Ana', 'Carla', 'TIE', false],
      [3, 'Ana', 'Elena', 'TIE', false],
    ]);
  });

  it('takes --undirected, a type and a label, and comment lines anywhere', async () => {
    const file = tempFile('g.adjlist', '# a\n1 2 3\n# b\n2 3\n');
    const read = await readAll(file, { undirected: true, type: 'KNOWS', label: 'Person' });
    expect(read.nodes.map((node) => [node.key, node.labels[0]])).toEqual([
      ['1', 'Person'],
      ['2', 'Person'],
      ['3', 'Person'],
    ]);
    expect(read.relationships.map((tie) => [tie.start, tie.end, tie.type, tie.undirected])).toEqual([
      ['1', '2', 'KNOWS', true],
      ['1', '3', 'KNOWS', true],
      ['2', '3', 'KNOWS', true],
    ]);
  });

  it('refuses invalid UTF-8 with its line', async () => {
    const file = tempFile('g.adjlist', Buffer.concat([Buffer.from('a b\nJos'), Buffer.from([0xe9]), Buffer.from(' c\n')]));
    expect(await refusal(file)).toBe(`${file}:2: invalid UTF-8`);
  });
});
