export interface Position {
  x: number;
  y: number;
}

const SPACING = 70;

function centroid(points: Position[]): Position | undefined {
  if (points.length === 0) return undefined;
  const sum = points.reduce((acc, point) => ({ x: acc.x + point.x, y: acc.y + point.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

function isFree(candidate: Position, occupied: Position[]): boolean {
  return occupied.every((point) => Math.hypot(point.x - candidate.x, point.y - candidate.y) >= SPACING * 0.8);
}

/**
 * Positions for `count` new nodes around `center`, fanned out on the side away from the rest of the
 * graph and kept clear of `occupied`, so an expansion never lands on top of what is already placed.
 */
export function placeAround(center: Position, count: number, occupied: Position[]): Position[] {
  if (count === 0) return [];
  const others = occupied.filter((point) => point.x !== center.x || point.y !== center.y);
  const middle = centroid(others);
  const away = middle && (middle.x !== center.x || middle.y !== center.y) ? Math.atan2(center.y - middle.y, center.x - middle.x) : -Math.PI / 2;
  // A fan of 240° facing away from the graph; a full ring when there are many.
  const spread = count <= 3 ? Math.PI / 2 : count <= 8 ? (4 * Math.PI) / 3 : 2 * Math.PI;
  const result: Position[] = [];
  const taken = [...occupied];
  const radius = Math.max(130, (count * SPACING) / spread);
  for (let index = 0; index < count; index += 1) {
    const step = spread === 2 * Math.PI ? spread / count : count === 1 ? 0 : spread / (count - 1);
    const angle = away - (spread === 2 * Math.PI ? 0 : spread / 2) + step * index;
    let candidate = { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
    for (let tries = 0; tries < 12 && !isFree(candidate, taken); tries += 1) {
      const pushed = radius + SPACING * (tries + 1) * 0.6;
      candidate = { x: center.x + pushed * Math.cos(angle), y: center.y + pushed * Math.sin(angle) };
    }
    result.push({ x: Math.round(candidate.x), y: Math.round(candidate.y) });
    taken.push(candidate);
  }
  return result;
}

/** Positions for nodes that have no parent: a grid to the right of what is placed, or around the origin. */
export function placeFree(count: number, occupied: Position[]): Position[] {
  if (count === 0) return [];
  const columns = Math.ceil(Math.sqrt(count));
  const gap = SPACING * 2;
  const startX = occupied.length === 0 ? -((columns - 1) * gap) / 2 : Math.max(...occupied.map((point) => point.x)) + gap * 1.5;
  const rows = Math.ceil(count / columns);
  const startY = occupied.length === 0 ? -((rows - 1) * gap) / 2 : Math.min(...occupied.map((point) => point.y));
  return Array.from({ length: count }, (_unused, index) => ({
    x: Math.round(startX + (index % columns) * gap),
    y: Math.round(startY + Math.floor(index / columns) * gap),
  }));
}
