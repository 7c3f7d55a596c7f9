import type { Csr } from './csr.js';
import { seededRandom } from './random.js';
import { ShortestPathSearch } from './shortestPaths.js';

/**
 * Work above which betweenness and closeness are estimated from pivots instead of computed from every source. One
 * source costs about n + (stored ties) steps, so exact costs n·(n + stored ties); 10⁹ steps is a few seconds here
 * (a random graph of 10⁴ nodes and 3·10⁴ ties is 7·10⁸, see bench/analysisBetweenness.ts).
 */
export const EXACT_WORK_LIMIT = 1e9;
/**
 * Work a sampled estimate spends: pivots × (n + stored ties). 2.5·10⁸ keeps sampled betweenness within seconds at
 * 10⁶ relationships (about 110 pivots on the generated graph of 2.6·10⁵ nodes), whatever the graph's size.
 */
export const SAMPLED_WORK = 2.5e8;
/** Fewest pivots a sampled estimate uses, however large the graph. */
export const MIN_PIVOTS = 50;
/** The pivots are drawn by this seed unless another is given, so the same graph gives the same estimate every time. */
export const PIVOT_SEED = 42;

export interface Scores {
  scores: Float64Array;
  /** False when estimated from pivots. */
  exact: boolean;
  /** How many sources (pivots) the shortest-path measures used: n when exact. */
  sources: number;
}

/**
 * Degree centrality as NetworkX's degree_centrality: C_D(v) = deg(v) / (n − 1), with deg(v) the number of distinct
 * neighbours in the simple graph; directed, deg(v) = in-degree + out-degree. A lone node scores 1.
 */
export function degreeCentrality(csr: Csr): Scores {
  const { n } = csr;
  const scores = new Float64Array(n);
  if (n <= 1) return { scores: scores.fill(1), exact: true, sources: n };
  for (let v = 0; v < n; v++) {
    let degree = csr.offsets[v + 1]! - csr.offsets[v]!;
    if (csr.directed) degree += csr.inOffsets[v + 1]! - csr.inOffsets[v]!;
    scores[v] = degree / (n - 1);
  }
  return { scores, exact: true, sources: n };
}

/**
 * How many sources a shortest-path measure uses: every node while n·(n + stored ties) ≤ workLimit, else as many
 * pivots as min(workLimit, SAMPLED_WORK) pays for, at least MIN_PIVOTS.
 */
export function sourceCount(csr: Csr, workLimit = EXACT_WORK_LIMIT): number {
  const perSource = csr.n + csr.targets.length;
  if (csr.n * perSource <= workLimit) return csr.n;
  return Math.min(csr.n, Math.max(MIN_PIVOTS, Math.floor(Math.min(workLimit, SAMPLED_WORK) / perSource)));
}

/** The sources a measure starts from: every node, or `count` distinct pivots drawn uniformly (Brandes & Pich 2007). */
export function chooseSources(n: number, count: number, seed = PIVOT_SEED): Int32Array {
  const all = Int32Array.from({ length: n }, (_, v) => v);
  if (count >= n) return all;
  const random = seededRandom(seed);
  // A partial Fisher–Yates shuffle: the first `count` entries are a uniform sample without replacement.
  for (let k = 0; k < count; k++) {
    const pick = k + Math.floor(random() * (n - k));
    [all[k], all[pick]] = [all[pick]!, all[k]!];
  }
  return all.slice(0, count);
}

/**
 * Brandes's dependency accumulation from each source s: δ_s(v) = Σ_{w: v ∈ P_s(w)} σ_sv/σ_sw · (1 + δ_s(w)), and
 * the raw betweenness B(v) = Σ_s δ_s(v), summed over ordered (s, t) pairs. Undirected, each unordered pair is
 * counted twice. Weighted, shortest means least total weight (weights are lengths).
 */
export function rawBetweenness(csr: Csr, sources: Int32Array, onSource?: (done: number) => void): Float64Array {
  return csr.weights ? weightedRawBetweenness(csr, sources, onSource) : unweightedRawBetweenness(csr, sources, onSource);
}

/**
 * The unweighted pass, the common case, written for the processor more than for the reader: it runs n times over
 * every tie, so a branch mispredicted per tie costs more than the arithmetic. Both sweeps are branch-free per tie:
 *
 * - forward, level by level: every neighbour w of a frontier node v is appended to the queue and the append is kept
 *   only when w was unseen (tail advances by 0 or 1); σ_w gains σ_v times 1 exactly when d(w) = d(v) + 1;
 * - backward, level by level from the farthest: with c(x) = (1 + δ(x))/σ_x, Brandes's recurrence reads
 *   δ(w) = σ_w · Σ_{x successor of w} c(x). A neighbour of w is either a successor (one level farther) or has c = 0:
 *   nearer levels are not reached yet (c is cleared after each source), and w's own level is written only once the
 *   whole level is summed. So δ(w) is a plain sum over w's neighbours, without testing their distances.
 *
 * The same holds directed, along the outgoing ties (their heads are at most one level farther). Nothing is
 * allocated per source; the arrays are cleared over the nodes reached.
 */
function unweightedRawBetweenness(csr: Csr, sources: Int32Array, onSource?: (done: number) => void): Float64Array {
  const { n, offsets, targets } = csr;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const successorShare = new Float64Array(n);
  const order = new Int32Array(n + 1);
  const levelEnds = new Int32Array(n + 1);
  const levelSums = new Float64Array(n);
  const betweenness = new Float64Array(n);
  for (let k = 0; k < sources.length; k++) {
    const source = sources[k]!;
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let begin = 0;
    let tail = 1;
    let levels = 0;
    for (let next = 1; begin < tail; next++) {
      const end = tail;
      levelEnds[levels++] = end;
      for (let index = begin; index < end; index++) {
        const v = order[index]!;
        const sigmaV = sigma[v]!;
        for (let slot = offsets[v]!, stop = offsets[v + 1]!; slot < stop; slot++) {
          const w = targets[slot]!;
          const before = dist[w]!;
          const unseen = before >>> 31; // 1 when dist is −1
          order[tail] = w;
          tail += unseen;
          const after = before + unseen * (next + 1);
          dist[w] = after;
          sigma[w]! += sigmaV * (((after ^ next) - 1) >>> 31); // × 1 when after = next, else × 0
        }
      }
      begin = end;
    }
    // Level L holds order[levelEnds[L − 1] … levelEnds[L] − 1]; level 0 is the source, which gains nothing.
    for (let level = levels - 1; level > 0; level--) {
      const low = levelEnds[level - 1]!;
      const high = levelEnds[level]!;
      for (let index = low; index < high; index++) {
        const w = order[index]!;
        let sum = 0;
        for (let slot = offsets[w]!, stop = offsets[w + 1]!; slot < stop; slot++) sum += successorShare[targets[slot]!]!;
        levelSums[index] = sum;
      }
      for (let index = low; index < high; index++) {
        const w = order[index]!;
        const sigmaW = sigma[w]!;
        const sum = levelSums[index]!;
        successorShare[w] = 1 / sigmaW + sum;
        betweenness[w]! += sigmaW * sum;
      }
    }
    for (let index = 0; index < tail; index++) {
      const v = order[index]!;
      dist[v] = -1;
      sigma[v] = 0;
      successorShare[v] = 0;
    }
    onSource?.(k + 1);
  }
  return betweenness;
}

function weightedRawBetweenness(csr: Csr, sources: Int32Array, onSource?: (done: number) => void): Float64Array {
  const search = new ShortestPathSearch(csr);
  const { order, sigma, backOffsets, backTargets } = search;
  const delta = new Float64Array(csr.n);
  const betweenness = new Float64Array(csr.n);
  for (let k = 0; k < sources.length; k++) {
    search.run(sources[k]!);
    for (let index = search.reached - 1; index > 0; index--) {
      const w = order[index]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (let slot = backOffsets[w]!, end = backOffsets[w + 1]!; slot < end; slot++) {
        if (search.isPredecessorSlot(w, slot)) {
          const v = backTargets[slot]!;
          delta[v]! += sigma[v]! * coefficient;
        }
      }
      betweenness[w]! += delta[w]!;
    }
    for (let index = 0; index < search.reached; index++) delta[order[index]!] = 0;
    onSource?.(k + 1);
  }
  return betweenness;
}

/**
 * Betweenness centrality as NetworkX's betweenness_centrality (normalized=True):
 * C_B(v) = Σ_{s≠v≠t} σ_st(v)/σ_st, divided by (n − 1)(n − 2)/2 when undirected (unordered pairs) and by
 * (n − 1)(n − 2) when directed (ordered pairs). Estimated from k pivots (Brandes & Pich), the sum over pivots is
 * scaled by n/k, as NetworkX does for its `k` option. Graphs of two nodes or fewer score 0.
 */
export function betweennessCentrality(csr: Csr, workLimit = EXACT_WORK_LIMIT, onSource?: (done: number) => void, seed = PIVOT_SEED): Scores {
  const { n } = csr;
  const count = sourceCount(csr, workLimit);
  const raw = rawBetweenness(csr, chooseSources(n, count, seed), onSource);
  if (n > 2) {
    // Summed over ordered pairs either way, hence (n − 1)(n − 2) for both: undirected pairs were counted twice.
    const scale = (1 / ((n - 1) * (n - 2))) * (n / count);
    for (let v = 0; v < n; v++) raw[v]! *= scale;
  } else raw.fill(0);
  return { scores: raw, exact: count === n, sources: count };
}

/**
 * Closeness centrality as NetworkX's closeness_centrality (wf_improved=True, the Wasserman–Faust correction):
 * C(v) = (r − 1)/(n − 1) · (r − 1)/Σ_u d(u, v), over the r − 1 nodes u ≠ v that reach v; 0 when none does. Directed,
 * d(u, v) is the distance from u to v (incoming distance, as NetworkX). With k pivots, the reaching count and the
 * distance sum are both estimated from the pivots that reach v (Eppstein & Wang), scaled by (n − 1)/k.
 */
export function closenessCentrality(csr: Csr, workLimit = EXACT_WORK_LIMIT, onSource?: (done: number) => void, seed = PIVOT_SEED): Scores {
  const { n } = csr;
  const count = sourceCount(csr, workLimit);
  const scores = new Float64Array(n);
  if (count === n) {
    // Exact: search from v against the ties, so dist[u] = d(u, v).
    const search = new ShortestPathSearch(csr, 'in');
    for (let v = 0; v < n; v++) {
      search.run(v);
      let total = 0;
      for (let index = 1; index < search.reached; index++) total += search.dist[search.order[index]!]!;
      const others = search.reached - 1;
      scores[v] = total > 0 && n > 1 ? (others / total) * (others / (n - 1)) : 0;
      onSource?.(v + 1);
    }
    return { scores, exact: true, sources: n };
  }
  // Estimated: a search from each pivot p along the ties gives d(p, v) for every v it reaches.
  const search = new ShortestPathSearch(csr, 'out');
  const reachedBy = new Float64Array(n);
  const distanceSum = new Float64Array(n);
  const pivots = chooseSources(n, count, seed);
  for (let k = 0; k < count; k++) {
    search.run(pivots[k]!);
    for (let index = 1; index < search.reached; index++) {
      const v = search.order[index]!;
      reachedBy[v]!++;
      distanceSum[v]! += search.dist[v]!;
    }
    onSource?.(k + 1);
  }
  for (let v = 0; v < n; v++) {
    if (distanceSum[v]! === 0) continue;
    const estimatedOthers = (reachedBy[v]! * (n - 1)) / count;
    scores[v] = (reachedBy[v]! / distanceSum[v]!) * (estimatedOthers / (n - 1));
  }
  return { scores, exact: false, sources: count };
}
