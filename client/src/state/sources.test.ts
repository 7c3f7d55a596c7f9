import { describe, expect, it } from 'vitest';
import { sourceList } from './sources';
import { addGraph, emptyView } from './view';
import { link, peruPath } from './testGraph';

describe('the numbered source list', () => {
  it('numbers one entry per quote, names the document, and lists the documents', () => {
    const unquoted = link(peruPath.nodes[2]!.id, 'KNOWS', peruPath.nodes[0]!.id);
    const state = addGraph({ nodes: peruPath.nodes, edges: [...peruPath.edges, unquoted] })(emptyView());
    const text = sourceList(state, Object.keys(state.edges), { 'peru-organised-crime': 'Organised crime in Peru' });
    expect(text).toContain('1. Abimael Guzmán —LEADER_OF→ Shining Path — “Abimael Guzmán is the former leader of Shining Path.” [Organised crime in Peru]');
    expect(text).toContain('2. David Bazán Arévalo —FINANCED→ Shining Path — “He financed Shining Path.” [Organised crime in Peru]');
    expect(text).toContain('3. David Bazán Arévalo —KNOWS→ Abimael Guzmán — (no quote recorded)');
    expect(text).toContain('- Organised crime in Peru (peru-organised-crime)');
  });

  it('cites only the edges it is given (the visible ones)', () => {
    const state = addGraph(peruPath)(emptyView());
    const text = sourceList(state, [peruPath.edges[1]!.id]);
    expect(text).not.toContain('LEADER_OF');
    expect(text).toContain('[peru-organised-crime]');
  });
});
