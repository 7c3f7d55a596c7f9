import { describe, expect, it } from 'vitest';
import { pickLabels, readableAt, type Box } from './edgeLabels';

const box = (x1: number, y1: number, x2: number, y2: number): Box => ({ x1, y1, x2, y2 });

describe('which relationship labels fit', () => {
  it('keeps the longer edge’s label where two would cover each other, and both where they do not', () => {
    const chosen = pickLabels(
      [
        { id: 'short', box: box(0, 0, 60, 14), priority: 80 },
        { id: 'long', box: box(30, 5, 90, 19), priority: 200 },
        { id: 'apart', box: box(200, 0, 260, 14), priority: 50 },
      ],
      [],
    );
    expect([...chosen].sort()).toEqual(['apart', 'long']);
  });

  it('keeps clear of nodes and of the labels a path or a selection always shows', () => {
    const chosen = pickLabels(
      [
        { id: 'on-a-node', box: box(0, 0, 60, 14), priority: 500 },
        { id: 'path', box: box(100, 0, 160, 14), priority: 1, forced: true },
        { id: 'under-the-path', box: box(120, 5, 180, 19), priority: 400 },
        { id: 'free', box: box(300, 0, 360, 14), priority: 10 },
      ],
      [box(40, -20, 80, 20)],
    );
    expect([...chosen].sort()).toEqual(['free']);
  });

  it('calls a label readable from 8 screen pixels up', () => {
    expect(readableAt(0.8)).toBe(true);
    expect(readableAt(0.7)).toBe(false);
    expect(readableAt(2)).toBe(true);
  });
});
