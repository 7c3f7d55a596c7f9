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
 * The unweighted pass, the common case, written for the processor more than for the reader: it runs once per source
 * over the ties, so the ties visited and the branches mispredicted per tie are what it costs.
 *
 * Forward, level by level, each level the cheaper of two ways (direction-optimising BFS, Beamer et al. 2012):
 * - top-down: every tie out of the frontier is followed; the head is appended to the queue and the append kept
 *   only when it was unseen (tail advances by 0 or 1), and σ_w gains σ_v exactly when d(w) = d(v) + 1, branch-free;
 * - bottom-up: every node not reached yet sums σ over its in-neighbours on the frontier.
 * The first costs the frontier's out-ties, the second the unreached nodes' in-ties; on a random graph the middle
 * levels hold most nodes, and bottom-up there skips the ties back into levels already done.
 *
 * Backward, level by level from the farthest, with c(x) = (1 + δ(x))/σ_x, Brandes's recurrence reads
 * δ(w) = σ_w · Σ_{x successor of w} c(x), and each level takes the cheaper of:
 * - pull: δ(w) sums c over all of w's out-neighbours, without testing their distances: a neighbour is either a
 *   successor or has c = 0 (nearer levels are not reached yet, c is cleared after each source, and w's own level is
 *   written only once the whole level is summed);
 * - push: every node x one level farther adds c(x) to its in-neighbours one level nearer.
 * Pull costs the level's out-ties, push the next level's in-ties.
 *
 * Nothing is allocated per source; the arrays are cleared over the nodes reached.
 */
class UnweightedBrandes {
  private readonly dist: Int32Array;
  private readonly sigma: Float64Array;
  /** c(x) = (1 + δ(x))/σ_x once x's level is done; 0 before. */
  private readonly successorShare: Float64Array;
  /** Σ c over a node's successors, while its level is summed. */
  private readonly successorSum: Float64Array;
  /** Nodes in order of distance; level L is order[levelEnds[L − 1] … levelEnds[L] − 1], level 0 the source. */
  private readonly order: Int32Array;
  private readonly levelEnds: Int32Array;
  /** Out- and in-ties of each level's nodes: the costs of pull and push. */
  private readonly levelOutTies: Float64Array;
  private readonly levelInTies: Float64Array;
  /** Nodes not reached yet, as of the last bottom-up level; −1 count when not listed yet for this source. */
  private readonly unreached: Int32Array;
  private readonly totalInTies: number;
  readonly betweenness: Float64Array;

  constructor(private readonly csr: Csr) {
    const { n } = csr;
    this.dist = new Int32Array(n).fill(-1);
    this.sigma = new Float64Array(n);
    this.successorShare = new Float64Array(n);
    this.successorSum = new Float64Array(n);
    this.order = new Int32Array(n + 1);
    this.levelEnds = new Int32Array(n + 1);
    this.levelOutTies = new Float64Array(n + 1);
    this.levelInTies = new Float64Array(n + 1);
    this.unreached = new Int32Array(n);
    this.totalInTies = csr.inTargets.length;
    this.betweenness = new Float64Array(n);
  }

  accumulate(source: number): void {
    const levels = this.search(source);
    const { order, levelEnds, sigma, successorShare, successorSum, betweenness } = this;
    const reached = levelEnds[levels - 1]!;
    // The farthest level has no successors: δ = 0.
    for (let index = levels > 1 ? levelEnds[levels - 2]! : reached; index < reached; index++) {
      const w = order[index]!;
      successorShare[w] = 1 / sigma[w]!;
    }
    for (let level = levels - 2; level > 0; level--) {
      if (this.levelOutTies[level]! <= this.levelInTies[level + 1]!) this.pull(level);
      else this.push(level);
      for (let index = levelEnds[level - 1]!, high = levelEnds[level]!; index < high; index++) {
        const w = order[index]!;
        const sigmaW = sigma[w]!;
        const sum = successorSum[w]!;
        successorShare[w] = 1 / sigmaW + sum;
        betweenness[w]! += sigmaW * sum;
      }
    }
    for (let index = 0; index < reached; index++) {
      const v = order[index]!;
      this.dist[v] = -1;
      sigma[v] = 0;
      successorShare[v] = 0;
      successorSum[v] = 0;
    }
  }

  /** Distances and path counts σ from the source; returns the number of levels. */
  private search(source: number): number {
    const { dist, sigma, order, levelEnds } = this;
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let begin = 0;
    let tail = 1;
    let levels = 0;
    let unreachedCount = -1;
    let unexploredInTies = this.totalInTies;
    this.measureLevel(0, 0, 1);
    for (let next = 1; begin < tail; next++) {
      const end = tail;
      levelEnds[levels] = end;
      unexploredInTies -= this.levelInTies[levels]!;
      if (this.levelOutTies[levels]! <= unexploredInTies) tail = this.topDown(begin, end, next);
      else {
        unreachedCount = this.listUnreached(unreachedCount);
        const found = this.bottomUp(unreachedCount, end, next);
        unreachedCount -= found;
        tail = end + found;
      }
      levels++;
      if (tail > end) this.measureLevel(levels, end, tail);
      begin = end;
    }
    return levels;
  }

  private measureLevel(level: number, low: number, high: number): void {
    const { order } = this;
    const { offsets, inOffsets } = this.csr;
    let outTies = 0;
    let inTies = 0;
    for (let index = low; index < high; index++) {
      const v = order[index]!;
      outTies += offsets[v + 1]! - offsets[v]!;
      inTies += inOffsets[v + 1]! - inOffsets[v]!;
    }
    this.levelOutTies[level] = outTies;
    this.levelInTies[level] = inTies;
  }

  /** Follows the ties out of order[begin … end − 1] (level next − 1); returns the new tail. */
  private topDown(begin: number, end: number, next: number): number {
    const { dist, sigma, order } = this;
    const { offsets, targets } = this.csr;
    let tail = end;
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
    return tail;
  }

  /** Keeps in `unreached` only the nodes still unreached (all nodes the first time, count −1); returns their count. */
  private listUnreached(count: number): number {
    const { dist, unreached } = this;
    let kept = 0;
    if (count < 0) {
      for (let v = 0; v < dist.length; v++) {
        unreached[kept] = v;
        kept += dist[v]! >>> 31;
      }
    } else {
      for (let i = 0; i < count; i++) {
        const v = unreached[i]!;
        unreached[kept] = v;
        kept += dist[v]! >>> 31;
      }
    }
    return kept;
  }

  /**
   * Every unreached node sums σ over its in-neighbours at level next − 1; those with a sum are level `next`, appended
   * at order[tail …]. The rest stay listed in `unreached`, in front. Returns how many were found.
   */
  private bottomUp(count: number, tail: number, next: number): number {
    const { dist, sigma, order, unreached } = this;
    const { inOffsets, inTargets } = this.csr;
    const frontier = next - 1;
    let found = 0;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const u = unreached[i]!;
      let sum = 0;
      for (let slot = inOffsets[u]!, stop = inOffsets[u + 1]!; slot < stop; slot++) {
        const x = inTargets[slot]!;
        sum += sigma[x]! * (((dist[x]! ^ frontier) - 1) >>> 31);
      }
      if (sum > 0) {
        dist[u] = next;
        sigma[u] = sum;
        order[tail + found++] = u;
      } else unreached[kept++] = u;
    }
    return found;
  }

  /** successorSum of each node on `level` as the sum of c over its out-neighbours. */
  private pull(level: number): void {
    const { order, levelEnds, successorShare, successorSum } = this;
    const { offsets, targets } = this.csr;
    for (let index = levelEnds[level - 1]!, high = levelEnds[level]!; index < high; index++) {
      const w = order[index]!;
      let sum = 0;
      for (let slot = offsets[w]!, stop = offsets[w + 1]!; slot < stop; slot++) sum += successorShare[targets[slot]!]!;
      successorSum[w] = sum;
    }
  }

  /** successorSum of each node on `level` as the c of level + 1's nodes pushed along their in-ties. */
  private push(level: number): void {
    const { dist, order, levelEnds, successorShare, successorSum } = this;
    const { inOffsets, inTargets } = this.csr;
    for (let index = levelEnds[level]!, high = levelEnds[level + 1]!; index < high; index++) {
      const x = order[index]!;
      const share = successorShare[x]!;
      for (let slot = inOffsets[x]!, stop = inOffsets[x + 1]!; slot < stop; slot++) {
        const w = inTargets[slot]!;
        successorSum[w]! += share * (((dist[w]! ^ level) - 1) >>> 31); // only onto predecessors, at `level`
      }
    }
  }
}

function unweightedRawBetweenness(csr: Csr, sources: Int32Array, onSource?: (done: number) => void): Float64Array {
  const brandes = new UnweightedBrandes(csr);
  for (let k = 0; k < sources.length; k++) {
    brandes.accumulate(sources[k]!);
    onSource?.(k + 1);
  }
  return brandes.betweenness;
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
