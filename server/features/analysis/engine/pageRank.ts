import type { Csr } from './csr.js';

/** NetworkX's defaults for the power iteration. */
const ALPHA = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

/**
 * PageRank as NetworkX's pagerank (α = 0.85, tolerance 10⁻⁶, 100 iterations at most), over the CSR's flat arrays:
 * PR(v) = (1 − α)/n + α · (Σ_{u→v} PR(u)·w_uv/W_u + Σ_{u dangling} PR(u)/n), with W_u the total weight of u's
 * outgoing ties (undirected: all its ties, every tie weighing 1 when unweighted) and u dangling when W_u = 0. Stops
 * when the L1 change Σ|PR − PR_last| < n·10⁻⁶, as NetworkX and graphology-metrics do; the scores sum to 1. The same
 * iteration as graphology-metrics' pagerank, without building a graphology graph, which at 10⁶ ties costs more than
 * the iteration itself. Throws "failed to converge" after 100 iterations.
 */
export function pageRankCentrality(csr: Csr): Float64Array {
  const { n, offsets, targets, weights } = csr;
  if (n === 0) return new Float64Array(0);
  // share[slot] = w_uv / W_u, the part of u's rank that the tie passes on.
  const share = new Float64Array(targets.length);
  const dangling: number[] = [];
  for (let u = 0; u < n; u++) {
    const start = offsets[u]!;
    const end = offsets[u + 1]!;
    let total = 0;
    for (let slot = start; slot < end; slot++) total += weights ? weights[slot]! : 1;
    if (total === 0) dangling.push(u);
    else for (let slot = start; slot < end; slot++) share[slot] = (weights ? weights[slot]! : 1) / total;
  }
  let rank = new Float64Array(n).fill(1 / n);
  let last = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    [last, rank] = [rank, last];
    let danglingRank = 0;
    for (const u of dangling) danglingRank += last[u]!;
    rank.fill((ALPHA * danglingRank + 1 - ALPHA) / n);
    for (let u = 0; u < n; u++) {
      const passed = ALPHA * last[u]!;
      for (let slot = offsets[u]!, end = offsets[u + 1]!; slot < end; slot++) rank[targets[slot]!]! += passed * share[slot]!;
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(rank[v]! - last[v]!);
    if (change < n * TOLERANCE) return rank;
  }
  throw new Error(
    'PageRank failed to converge within 100 iterations, as NetworkX’s pagerank (max_iter=100, tol=1e-6) would not either; try another measure or a smaller scope.',
  );
}
