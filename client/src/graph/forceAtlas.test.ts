import { describe, expect, it } from 'vitest';
import { computeForceAtlas, computePacked, fittedViewport, packLayout, startPositions, type ForceAtlasInput } from './forceAtlas';

/** A ring of `count` nodes plus a hub linked to every tenth, all starting on the same point but the fixed one. */
function graphOf(count: number): ForceAtlasInput {
  const nodes = Array.from({ length: count }, (_unused, index) => ({ id: `n${index}`, position: { x: 0, y: 0 }, fixed: false }));
  nodes.push({ id: 'pinned', position: { x: 500, y: -300 }, fixed: true });
  const edges = nodes.slice(0, count).map((node, index) => ({ source: node.id, target: `n${(index + 1) % count}` }));
  for (let index = 0; index < count; index += 10) edges.push({ source: 'pinned', target: `n${index}` });
  return { nodes, edges, restart: false };
}

describe('ForceAtlas2 layout', () => {
  it('spreads nodes that start on the same point, and leaves a fixed node where it is', () => {
    const start = startPositions(graphOf(50));
    const distinct = new Set([...start.values()].map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`));
    expect(distinct.size).toBe(51);
    expect(start.get('pinned')).toEqual({ x: 500, y: -300 });
  });

  it('keeps the places of newcomers that settle, and starts a full layout afresh with the most linked in the middle', () => {
    const input: ForceAtlasInput = {
      nodes: [
        { id: 'a', position: { x: 0, y: 0 }, fixed: false },
        { id: 'b', position: { x: 9000, y: 0 }, fixed: false },
        { id: 'hub', position: { x: 0, y: 9000 }, fixed: false },
      ],
      edges: [
        { source: 'hub', target: 'a' },
        { source: 'hub', target: 'b' },
      ],
      restart: false,
    };
    expect(startPositions(input).get('b')).toEqual({ x: 9000, y: 0 });
    const fresh = startPositions({ ...input, restart: true });
    const centre = { x: 3000, y: 3000 };
    const distance = (id: string) => Math.hypot(fresh.get(id)!.x - centre.x, fresh.get(id)!.y - centre.y);
    expect(distance('hub')).toBeLessThan(distance('a'));
    expect(distance('b')).toBeLessThan(200);
  });

  it('gives every node a finite position, spread apart, and never moves a fixed node', () => {
    const positions = computeForceAtlas(graphOf(300));
    expect(positions.size).toBe(301);
    for (const { x, y } of positions.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
    expect(positions.get('pinned')).toEqual({ x: 500, y: -300 });
    const first = positions.get('n0')!;
    const far = positions.get('n150')!;
    expect(Math.hypot(first.x - far.x, first.y - far.y)).toBeGreaterThan(30);
  });

  it('gives the same positions through the packing the worker receives and answers in', () => {
    const input = graphOf(120);
    input.edges.push({ source: 'n1', target: 'gone' });
    const packed = packLayout(input);
    expect(packed.positions.length).toBe(2 * 121);
    expect(packed.edges.length).toBe(2 * (input.edges.length - 1));
    const answer = computePacked(packed);
    const direct = computeForceAtlas(input);
    input.nodes.forEach((node, i) => {
      expect(answer[2 * i]).toBeCloseTo(direct.get(node.id)!.x, 6);
      expect(answer[2 * i + 1]).toBeCloseTo(direct.get(node.id)!.y, 6);
    });
    expect([answer[2 * 120], answer[2 * 120 + 1]]).toEqual([500, -300]);
  });

  it('fits every position inside the canvas', () => {
    const points = [
      { x: -1000, y: 0 },
      { x: 3000, y: 800 },
    ];
    const canvas = { width: 1000, height: 600, minZoom: 0.05, maxZoom: 4 };
    const { zoom, pan } = fittedViewport(points, canvas, 40);
    for (const point of points) {
      const rendered = { x: point.x * zoom + pan.x, y: point.y * zoom + pan.y };
      expect(rendered.x).toBeGreaterThanOrEqual(40);
      expect(rendered.x).toBeLessThanOrEqual(960);
      expect(rendered.y).toBeGreaterThanOrEqual(40);
      expect(rendered.y).toBeLessThanOrEqual(560);
    }
    expect(fittedViewport([{ x: 0, y: 0 }], canvas, 40).zoom).toBe(4);
  });
});
