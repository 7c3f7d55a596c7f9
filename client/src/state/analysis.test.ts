import { describe, expect, it } from 'vitest';
import { person } from './testGraph';
import { DEFAULT_REQUEST, formatScore, progressText, rowsCsv, scoreColour, sortRows, type AnalysisResult } from './analysis';

const rows = [
  { node: person('person:z', 'Zoë, "the broker"'), score: 0.5 },
  { node: person('person:a', 'Ana'), score: 0.25 },
  { node: person('person:m', 'Mateo'), score: 0.25 },
];

describe('the analysis table', () => {
  it('sorts by name, by score either way, and back to rank with ties kept in the server’s order', () => {
    expect(sortRows(rows, 'name', false).map((row) => row.node.name)).toEqual(['Ana', 'Mateo', 'Zoë, "the broker"']);
    expect(sortRows(rows, 'score', false).map((row) => row.node.id)).toEqual(['person:m', 'person:a', 'person:z']);
    expect(sortRows(rows, 'score', true).map((row) => row.node.id)).toEqual(['person:z', 'person:a', 'person:m']);
    expect(sortRows(sortRows(rows, 'name', true), 'rank', false)).toEqual(sortRows(rows, 'name', true));
  });

  it('exports CSV with quoted cells and full-precision scores', () => {
    const result: AnalysisResult = { request: DEFAULT_REQUEST, scoreLabel: 'Betweenness', rows, summary: '', highlighted: [] };
    expect(rowsCsv(result)).toBe(
      'rank,id,name,kind,betweenness\n1,person:z,"Zoë, ""the broker""",Person,0.5\n2,person:a,Ana,Person,0.25\n3,person:m,Mateo,Person,0.25\n',
    );
  });

  it('maps scores to a pale-to-dark scale and numbers to four significant digits', () => {
    expect(scoreColour(0)).toBe('#ffeda0');
    expect(scoreColour(1)).toBe('#800026');
    expect(formatScore(0.388888889)).toBe('0.3889');
    expect(formatScore(12)).toBe('12');
  });

  it('tells progress in sources done, or the time so far', () => {
    const status = { kind: 'running' as const, what: 'Computing betweenness…', startedAt: 0 };
    expect(progressText(status, 0)).toBe('Computing betweenness…');
    expect(progressText({ ...status, progress: { done: 1234, total: 5000 } }, 3000)).toBe('Computing betweenness… 1,234 of 5,000 sources (24%) · 3 s');
  });
});
