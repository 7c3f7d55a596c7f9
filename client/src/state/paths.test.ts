import { describe, expect, it } from 'vitest';
import { arrow, firstQuote, pathHops, pathSentence } from './paths';
import { peruPath } from './testGraph';

describe('a path in words', () => {
  it('writes arrows in the stored direction of each relationship', () => {
    expect(pathSentence(peruPath)).toBe('Abimael Guzmán —LEADER_OF→ Shining Path ←FINANCED— David Bazán Arévalo');
  });

  it('lists each hop with its relationship and direction', () => {
    const hops = pathHops(peruPath);
    expect(hops.map((hop) => [hop.from.name, hop.edge.type, hop.forward, hop.to.name])).toEqual([
      ['Abimael Guzmán', 'LEADER_OF', true, 'Shining Path'],
      ['Shining Path', 'FINANCED', false, 'David Bazán Arévalo'],
    ]);
    expect(firstQuote(hops[0]!.edge.properties)).toBe('Abimael Guzmán is the former leader of Shining Path.');
  });

  it('writes a symmetric type without an arrowhead, whichever way it is stored', () => {
    expect(arrow('ALLIED_WITH', true)).toBe('—ALLIED_WITH—');
    expect(arrow('ALLIED_WITH', false)).toBe('—ALLIED_WITH—');
    expect(arrow('ARRESTED', false)).toBe('←ARRESTED—');
  });

  it('is just the name for a path of one node', () => {
    expect(pathSentence({ nodes: [peruPath.nodes[0]!], edges: [] })).toBe('Abimael Guzmán');
  });
});
