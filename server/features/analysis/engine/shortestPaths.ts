import type { Csr } from './csr.js';

/** Which way a search walks ties: along them (distances from the source) or against them (distances to it). */
export type Direction = 'out' | 'in';

/**
 * Single-source shortest paths over a CSR adjacency, with the counts Brandes needs: after run(s), order lists the
 * reached nodes by non-decreasing distance, dist[v] is the distance (−1 when unreached) and sigma[v] the number of
 * shortest paths from s to v. Breadth-first when unweighted, Dijkstra with a binary heap when weighted. The arrays are
 * reused from one source to the next, so a pass over every source allocates nothing per source.
 */
export class ShortestPathSearch {
  readonly dist: Float64Array;
  readonly sigma: Float64Array;
  readonly order: Int32Array;
  /** How many entries of order are filled by the last run. */
  reached = 0;
  private readonly offsets: Int32Array;
  private readonly targets: Int32Array;
  private readonly weights: Float64Array | null;
  private readonly heap: BinaryHeap | null;
  /** Ties against the search's direction: the candidates for a node's predecessors. */
  readonly backOffsets: Int32Array;
  readonly backTargets: Int32Array;
  readonly backWeights: Float64Array | null;

  constructor(
    readonly csr: Csr,
    direction: Direction = 'out',
  ) {
    this.offsets = direction === 'out' ? csr.offsets : csr.inOffsets;
    this.targets = direction === 'out' ? csr.targets : csr.inTargets;
    this.weights = direction === 'out' ? csr.weights : csr.inWeights;
    this.backOffsets = direction === 'out' ? csr.inOffsets : csr.offsets;
    this.backTargets = direction === 'out' ? csr.inTargets : csr.targets;
    this.backWeights = direction === 'out' ? csr.inWeights : csr.weights;
    this.dist = new Float64Array(csr.n).fill(-1);
    this.sigma = new Float64Array(csr.n);
    this.order = new Int32Array(csr.n);
    this.heap = this.weights ? new BinaryHeap(this.targets.length + csr.n) : null;
  }

  run(source: number): void {
    for (let k = 0; k < this.reached; k++) {
      const v = this.order[k]!;
      this.dist[v] = -1;
      this.sigma[v] = 0;
    }
    if (this.weights) this.dijkstra(source, this.weights);
    else this.breadthFirst(source);
  }

  private breadthFirst(source: number): void {
    const { dist, sigma, order, offsets, targets } = this;
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      for (let slot = offsets[v]!, end = offsets[v + 1]!; slot < end; slot++) {
        const w = targets[slot]!;
        if (dist[w]! < 0) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] === next) sigma[w]! += sigma[v]!;
      }
    }
    this.reached = tail;
  }

  private dijkstra(source: number, weights: Float64Array): void {
    const { dist, sigma, order, offsets, targets } = this;
    const heap = this.heap!;
    // tentative[v] holds the best distance seen so far; dist[v] is set only once v is settled.
    const tentative = this.tentativeDistances();
    heap.clear();
    tentative[source] = 0;
    sigma[source] = 1;
    heap.push(0, source);
    let count = 0;
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (dist[v]! >= 0 || d > tentative[v]!) continue;
      dist[v] = d;
      order[count++] = v;
      for (let slot = offsets[v]!, end = offsets[v + 1]!; slot < end; slot++) {
        const w = targets[slot]!;
        if (dist[w]! >= 0) continue;
        const candidate = d + weights[slot]!;
        if (candidate < tentative[w]!) {
          tentative[w] = candidate;
          sigma[w] = sigma[v]!;
          heap.push(candidate, w);
        } else if (candidate === tentative[w]) {
          sigma[w]! += sigma[v]!;
        }
      }
    }
    for (let k = 0; k < count; k++) tentative[order[k]!] = Infinity;
    // Nodes pushed but never settled cannot exist: every pushed node is eventually popped and settled.
    this.reached = count;
  }

  private tentative: Float64Array | null = null;
  private tentativeDistances(): Float64Array {
    this.tentative ??= new Float64Array(this.csr.n).fill(Infinity);
    return this.tentative;
  }

  /**
   * Whether tie slot `slot` of the backward arrays (v = backTargets[slot] → w) lies on a shortest path from the last
   * source: dist[v] + weight = dist[w], the same float sum the search compared, so equality is exact.
   */
  isPredecessorSlot(w: number, slot: number): boolean {
    const dv = this.dist[this.backTargets[slot]!]!;
    return dv >= 0 && dv + (this.backWeights ? this.backWeights[slot]! : 1) === this.dist[w];
  }
}

/** A min-heap of (key, node) pairs in two typed arrays; stale entries are skipped by the caller. */
class BinaryHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity + 1);
    this.nodes = new Int32Array(capacity + 1);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    let index = this.size++;
    const { keys, nodes } = this;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[index] = keys[parent]!;
      nodes[index] = nodes[parent]!;
      index = parent;
    }
    keys[index] = key;
    nodes[index] = node;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0]!;
    const last = --this.size;
    const key = keys[last]!;
    const node = nodes[last]!;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[index] = keys[child]!;
      nodes[index] = nodes[child]!;
      index = child;
    }
    keys[index] = key;
    nodes[index] = node;
    return top;
  }
}
