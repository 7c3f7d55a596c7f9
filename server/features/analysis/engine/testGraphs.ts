import Graph from 'graphology';
import karateClub from 'graphology-generators/social/karate-club.js';
import { buildCsr, type Csr, type EdgeList } from './csr.js';
import { seededRandom } from './random.js';

// Small graphs with published or hand-checked answers, and reference computations straight from the definitions,
// shared by the engine's tests.

export function edgeList(n: number, pairs: [number, number][], weights?: number[]): EdgeList {
  return {
    n,
    sources: Int32Array.from(pairs.map(([a]) => a)),
    targets: Int32Array.from(pairs.map(([, b]) => b)),
    weights: weights ? Float64Array.from(weights) : null,
  };
}

/** Krackhardt's kite (1990), nodes in NetworkX's order. */
export const KITE_NAMES = ['Andre', 'Beverly', 'Carol', 'Diane', 'Ed', 'Fernando', 'Garth', 'Heather', 'Ike', 'Jane'] as const;
export const KITE_TIES: [number, number][] = [
  [0, 1],
  [0, 2],
  [0, 3],
  [0, 5],
  [1, 3],
  [1, 4],
  [1, 6],
  [2, 3],
  [2, 5],
  [3, 4],
  [3, 5],
  [3, 6],
  [4, 6],
  [5, 6],
  [5, 7],
  [6, 7],
  [7, 8],
  [8, 9],
];

/** Zachary's karate club as graphology-generators ships it: 34 members, 78 ties. */
export function karateTies(): [number, number][] {
  const graph = karateClub(Graph);
  return graph.mapEdges((_edge, _attributes, source, target) => [Number(source), Number(target)] as [number, number]);
}

/** A seeded random graph of uniform random pairs (self-loops and repeats are left for the CSR to drop). */
export function randomTies(n: number, m: number, seed: number): [number, number][] {
  const random = seededRandom(seed);
  return Array.from({ length: m }, () => [Math.floor(random() * n), Math.floor(random() * n)] as [number, number]);
}

export function csrOf(n: number, pairs: [number, number][], directed = false, weights?: number[]): Csr {
  return buildCsr(edgeList(n, pairs, weights), directed);
}

/** All-pairs distances and shortest-path counts by Floyd–Warshall over the simple graph, from the definitions. */
export function allPairs(n: number, pairs: [number, number][], directed: boolean, weights?: number[]): { d: number[][]; sigma: number[][] } {
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  pairs.forEach(([a, b], e) => {
    if (a === b) return;
    const w = weights ? weights[e]! : 1;
    d[a]![b] = Math.min(d[a]![b]!, w);
    if (!directed) d[b]![a] = Math.min(d[b]![a]!, w);
  });
  const tie = d.map((row) => [...row]);
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!);
  // σ_st = Σ over last hops u→t with d(s,u) + w(u,t) = d(s,t) of σ_su, in order of distance from s.
  const sigma = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    const byDistance = [...Array(n).keys()].filter((t) => d[s]![t]! < Infinity).sort((a, b) => d[s]![a]! - d[s]![b]!);
    sigma[s]![s] = 1;
    for (const t of byDistance) {
      if (t === s) continue;
      for (let u = 0; u < n; u++)
        if (u !== t && tie[u]![t]! < Infinity && Math.abs(d[s]![u]! + tie[u]![t]! - d[s]![t]!) < 1e-12) sigma[s]![t]! += sigma[s]![u]!;
    }
  }
  return { d, sigma };
}

/** Betweenness from its definition, Σ_{s≠v≠t} σ_st(v)/σ_st, normalised as NetworkX. */
export function referenceBetweenness(n: number, pairs: [number, number][], directed = false, weights?: number[]): number[] {
  const { d, sigma } = allPairs(n, pairs, directed, weights);
  return [...Array(n).keys()].map((v) => {
    let total = 0;
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < n; t++) {
        if (s === t || s === v || t === v || d[s]![t] === Infinity) continue;
        if (Math.abs(d[s]![v]! + d[v]![t]! - d[s]![t]!) < 1e-12) total += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
      }
    }
    // Ordered pairs either way, so (n − 1)(n − 2) normalises both (undirected pairs are counted twice).
    return n > 2 ? total / ((n - 1) * (n - 2)) : 0;
  });
}

/** Closeness from its definition with the Wasserman–Faust correction, incoming distances when directed. */
export function referenceCloseness(n: number, pairs: [number, number][], directed = false, weights?: number[]): number[] {
  const { d } = allPairs(n, pairs, directed, weights);
  return [...Array(n).keys()].map((v) => {
    const reaching = [...Array(n).keys()].filter((u) => u !== v && d[u]![v]! < Infinity);
    const total = reaching.reduce((sum, u) => sum + d[u]![v]!, 0);
    return total > 0 ? (reaching.length / total) * (reaching.length / (n - 1)) : 0;
  });
}
