import { describe, expect, it } from 'vitest';
import { placeAround, placeFree } from './placement';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('placing new nodes', () => {
  it('fans an expansion out on the side away from the rest of the graph', () => {
    const centre = { x: 0, y: 0 };
    const rest = [{ x: -400, y: 0 }];
    const placed = placeAround(centre, 3, [centre, ...rest]);
    expect(placed).toHaveLength(3);
    for (const point of placed) {
      expect(point.x).toBeGreaterThan(0);
      expect(distance(point, rest[0]!)).toBeGreaterThan(distance(point, centre));
    }
  });

  it('keeps new nodes clear of nodes already placed', () => {
    const centre = { x: 0, y: 0 };
    const crowd = Array.from({ length: 12 }, (_unused, index) => ({ x: 130 * Math.cos(index / 2), y: 130 * Math.sin(index / 2) }));
    for (const point of placeAround(centre, 6, [centre, ...crowd])) {
      expect(Math.min(...crowd.map((other) => distance(point, other)))).toBeGreaterThan(40);
    }
  });

  it('puts parentless nodes in a grid to the right of the graph, or around the origin on an empty canvas', () => {
    expect(placeFree(1, [])).toEqual([{ x: 0, y: 0 }]);
    const placed = placeFree(4, [{ x: 100, y: 50 }]);
    expect(placed.every((point) => point.x > 100)).toBe(true);
    expect(new Set(placed.map((point) => `${point.x},${point.y}`)).size).toBe(4);
  });
});
