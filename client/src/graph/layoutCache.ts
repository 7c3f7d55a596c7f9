import type { Position } from '../state/placement';
import type { ForceAtlasInput } from './forceAtlas';

/**
 * What a full layout's result depends on: which nodes, which links, and which nodes stay put where. The free nodes'
 * current places are left out, since a full layout starts them afresh; a settle (newcomers around placed nodes)
 * depends on every place, so it has no key and is never reused.
 */
export function layoutKey(input: ForceAtlasInput): string | undefined {
  if (!input.restart) return undefined;
  const nodes = input.nodes.map((node) => (node.fixed ? `${node.id}@${Math.round(node.position.x)},${Math.round(node.position.y)}` : node.id));
  const edges = input.edges.map((edge) => `${edge.source}\u0001${edge.target}`);
  return `${nodes.sort().join('\u0000')}\u0002${edges.sort().join('\u0000')}`;
}

/**
 * Positions of the views laid out lately, so reopening one (switching back to its layout, running it again, undoing
 * to it and laying out) shows the same picture at once instead of laying it out again. The least recently used view
 * goes first once `capacity` are kept.
 */
export class PositionCache {
  private readonly views = new Map<string, Map<string, Position>>();

  constructor(private readonly capacity: number) {}

  get(key: string): Map<string, Position> | undefined {
    const positions = this.views.get(key);
    if (positions) {
      this.views.delete(key);
      this.views.set(key, positions);
    }
    return positions;
  }

  set(key: string, positions: Map<string, Position>): void {
    this.views.delete(key);
    this.views.set(key, positions);
    for (const oldest of this.views.keys()) {
      if (this.views.size <= this.capacity) break;
      this.views.delete(oldest);
    }
  }
}
