import { chooseSources, sourceCount, EXACT_WORK_LIMIT } from './centrality.js';
import type { Csr } from './csr.js';
import { ShortestPathSearch } from './shortestPaths.js';

export interface BrokeredPair {
  source: number;
  target: number;
  /** σ_st(v): shortest paths from source to target that pass through the node. */
  pathsThrough: number;
  /** σ_st(v)/σ_st: the pair's share of its shortest paths that pass through the node; summed, the raw betweenness. */
  share: number;
  /** One of those shortest paths, from source through the node to target. */
  path: number[];
}

export interface Brokerage {
  pairs: BrokeredPair[];
  /** Σ over pairs of σ_st(v)/σ_st (unordered pairs when undirected): the node's betweenness before normalisation. */
  rawBetweenness: number;
  exact: boolean;
  sources: number;
}

/** Float sums along different paths may differ in the last bits when weighted. */
const TOLERANCE = 1e-9;

/**
 * Why a node v is central: the pairs (s, t) whose shortest paths run through it, most such paths first. v lies on a
 * shortest s–t path iff d(s, v) + d(v, t) = d(s, t), and then σ_st(v) = σ_sv · σ_vt. One search to and one from v,
 * then one from every source s (or from the pivots on a large graph, like sampled betweenness).
 */
export function brokeredPairs(csr: Csr, v: number, limit: number, workLimit = EXACT_WORK_LIMIT): Brokerage {
  const toV = new ShortestPathSearch(csr, 'in');
  toV.run(v);
  const fromV = csr.directed ? new ShortestPathSearch(csr, 'out') : toV;
  if (csr.directed) fromV.run(v);
  const fromSource = new ShortestPathSearch(csr, 'out');
  const count = sourceCount(csr, workLimit);
  const sources = chooseSources(csr.n, count);
  const top: Omit<BrokeredPair, 'path'>[] = [];
  let rawBetweenness = 0;
  for (const s of sources) {
    const dsv = toV.dist[s]!;
    if (s === v || dsv < 0) continue;
    fromSource.run(s);
    for (let index = 1; index < fromSource.reached; index++) {
      const t = fromSource.order[index]!;
      if (t === v || (!csr.directed && t < s)) continue;
      const dvt = fromV.dist[t]!;
      if (dvt < 0 || Math.abs(dsv + dvt - fromSource.dist[t]!) > TOLERANCE * Math.max(1, fromSource.dist[t]!)) continue;
      const pathsThrough = toV.sigma[s]! * fromV.sigma[t]!;
      const share = pathsThrough / fromSource.sigma[t]!;
      rawBetweenness += share;
      keepTop(top, { source: s, target: t, pathsThrough, share }, limit);
    }
  }
  // Undirected, pivots s < t were kept once each; scale the estimate like sampled betweenness.
  if (count < csr.n) rawBetweenness *= csr.n / count;
  const pairs = top.map((pair) => ({ ...pair, path: [...walkBack(toV, pair.source), ...walkBack(fromV, pair.target).reverse().slice(1)] }));
  return { pairs, rawBetweenness, exact: count === csr.n, sources: count };
}

function better(a: Omit<BrokeredPair, 'path'>, b: Omit<BrokeredPair, 'path'>): boolean {
  return a.pathsThrough > b.pathsThrough || (a.pathsThrough === b.pathsThrough && a.share > b.share);
}

/** Keeps the best `limit` pairs sorted, best first; most candidates lose to the last and cost one comparison. */
function keepTop(top: Omit<BrokeredPair, 'path'>[], pair: Omit<BrokeredPair, 'path'>, limit: number): void {
  if (top.length === limit && !better(pair, top[limit - 1]!)) return;
  let index = top.length;
  while (index > 0 && better(pair, top[index - 1]!)) index--;
  top.splice(index, 0, pair);
  if (top.length > limit) top.pop();
}

/** From x back to the search's source along predecessors: [x, …, source]. */
function walkBack(search: ShortestPathSearch, x: number): number[] {
  const path = [x];
  let current = x;
  while (search.dist[current]! > 0) {
    let next = -1;
    for (let slot = search.backOffsets[current]!; slot < search.backOffsets[current + 1]! && next < 0; slot++) {
      if (search.isPredecessorSlot(current, slot)) next = search.backTargets[slot]!;
    }
    path.push(next);
    current = next;
  }
  return path;
}
