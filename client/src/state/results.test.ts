import { describe, expect, it } from 'vitest';
import { cellText, rowCells } from './results';
import { guzman, leaderOf } from './testGraph';

describe('console result cells', () => {
  it('reads rows sent as lists or as maps', () => {
    expect(rowCells([1, 'a'], ['x', 'y'])).toEqual([1, 'a']);
    expect(rowCells({ y: 'a', x: 1 }, ['x', 'y'])).toEqual([1, 'a']);
  });

  it('writes nodes by name and kind, relationships as arrows, lists and maps readably', () => {
    expect(cellText(guzman)).toBe('Abimael Guzmán :Person');
    expect(cellText(leaderOf)).toBe('(person:abimael-guzman)-[:LEADER_OF]->(organization:shining-path)');
    expect(cellText([1, null])).toBe('[1, null]');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});
