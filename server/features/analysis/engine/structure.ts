import type { Csr } from './csr.js';
import { EXACT_WORK_LIMIT } from './centrality.js';

// Structural measures read the graph as undirected: the caller passes an undirected CSR.

/** Connected components, as component[v] = its component's number; numbered by decreasing size (ties by lowest node). */
export function connectedComponents(csr: Csr, removed?: Uint8Array): { component: Int32Array; sizes: number[] } {
  const { n, offsets, targets } = csr;
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let start = 0; start < n; start++) {
    if (component[start]! >= 0 || removed?.[start]) continue;
    const id = sizes.length;
    component[start] = id;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let slot = offsets[v]!; slot < offsets[v + 1]!; slot++) {
        const w = targets[slot]!;
        if (component[w]! < 0 && !removed?.[w]) {
          component[w] = id;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  const bySize = sizes.map((_, id) => id).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const renumber = new Int32Array(sizes.length);
  bySize.forEach((id, rank) => (renumber[id] = rank));
  for (let v = 0; v < n; v++) if (component[v]! >= 0) component[v] = renumber[component[v]!]!;
  return { component, sizes: bySize.map((id) => sizes[id]!) };
}

/**
 * Core numbers (Batagelj & Zaversnik 2003): core[v] is the largest k such that v belongs to the k-core, the largest
 * subgraph in which every node has at least k neighbours. As NetworkX's core_number.
 */
export function coreNumbers(csr: Csr): Int32Array {
  const { n, offsets, targets } = csr;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    degree[v] = offsets[v + 1]! - offsets[v]!;
    maxDegree = Math.max(maxDegree, degree[v]!);
  }
  // Bucket sort by degree: order holds nodes by current degree, position[v] is v's place, binStart[d] the first of degree d.
  const binStart = new Int32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) binStart[degree[v]! + 1]!++;
  for (let d = 0; d <= maxDegree; d++) binStart[d + 1]! += binStart[d]!;
  const fill = binStart.slice();
  const order = new Int32Array(n);
  const position = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    position[v] = fill[degree[v]!]!++;
    order[position[v]!] = v;
  }
  for (let index = 0; index < n; index++) {
    const v = order[index]!;
    for (let slot = offsets[v]!; slot < offsets[v + 1]!; slot++) {
      const w = targets[slot]!;
      if (degree[w]! > degree[v]!) {
        // Move w to the front of its bin, then shrink the bin: w's degree drops by one.
        const dw = degree[w]!;
        const first = binStart[dw]!;
        const u = order[first]!;
        if (u !== w) {
          order[position[w]!] = u;
          position[u] = position[w]!;
          order[first] = w;
          position[w] = first;
        }
        binStart[dw]!++;
        degree[w]!--;
      }
    }
  }
  return degree;
}

/**
 * Articulation points (cut vertices: removing one disconnects its component) and bridges (ties whose removal does),
 * by Hopcroft–Tarjan low-points in one iterative depth-first search, so deep graphs cannot overflow the stack.
 */
export function articulationPointsAndBridges(csr: Csr): { articulationPoints: number[]; bridges: [number, number][] } {
  const { n, offsets, targets } = csr;
  const discovery = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const nextSlot = new Int32Array(n);
  const stack = new Int32Array(n);
  const isArticulation = new Uint8Array(n);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (discovery[root]! >= 0) continue;
    let rootChildren = 0;
    let depth = 0;
    stack[0] = root;
    discovery[root] = low[root] = time++;
    nextSlot[root] = offsets[root]!;
    while (depth >= 0) {
      const v = stack[depth]!;
      if (nextSlot[v]! < offsets[v + 1]!) {
        const w = targets[nextSlot[v]!++]!;
        if (discovery[w]! < 0) {
          parent[w] = v;
          discovery[w] = low[w] = time++;
          nextSlot[w] = offsets[w]!;
          stack[++depth] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v]!, discovery[w]!);
        }
      } else {
        depth--;
        const p = parent[v]!;
        if (p >= 0) {
          low[p] = Math.min(low[p]!, low[v]!);
          if (low[v]! > discovery[p]!) bridges.push(p < v ? [p, v] : [v, p]);
          if (p !== root && low[v]! >= discovery[p]!) isArticulation[p] = 1;
        }
      }
    }
    if (rootChildren > 1) isArticulation[root] = 1;
  }
  const articulationPoints: number[] = [];
  for (let v = 0; v < n; v++) if (isArticulation[v]) articulationPoints.push(v);
  bridges.sort(([a1, b1], [a2, b2]) => a1 - a2 || b1 - b2);
  return { articulationPoints, bridges };
}

/**
 * Fragmentation (Borgatti 2006): the share of ordered pairs of remaining nodes that cannot reach each other,
 * F = 1 − Σ_k s_k(s_k − 1) / (n(n − 1)), with s_k the component sizes and n the nodes left. 0 when connected.
 */
export function fragmentation(csr: Csr, removed?: Uint8Array): number {
  const { sizes } = connectedComponents(csr, removed);
  const n = sizes.reduce((sum, size) => sum + size, 0);
  if (n <= 1) return 0;
  const connectedPairs = sizes.reduce((sum, size) => sum + size * (size - 1), 0);
  return 1 - connectedPairs / (n * (n - 1));
}

export interface KeyPlayers {
  players: { node: number; fragmentation: number }[];
  before: number;
  after: number;
  /** How many nodes were tried at each step: every node, or the best-placed candidates on a large graph. */
  candidates: number;
}

/**
 * A greedy key-player set (Borgatti's KPP-Neg): k times, remove the node whose removal raises fragmentation most
 * (ties by lower degree rank, then node order). Each try costs a components pass, so on a large graph only the
 * articulation points and the highest-degree nodes are tried, as many as fit in the work budget.
 */
export function greedyKeyPlayers(csr: Csr, k: number, workLimit = EXACT_WORK_LIMIT): KeyPlayers {
  const { n, offsets } = csr;
  const perTry = n + csr.targets.length;
  const budget = Math.max(20, Math.floor(workLimit / (Math.max(1, k) * perTry)));
  const degreeOf = (v: number): number => offsets[v + 1]! - offsets[v]!;
  let candidates = Array.from({ length: n }, (_, v) => v);
  if (n > budget) {
    const cut = new Set(articulationPointsAndBridges(csr).articulationPoints);
    candidates.sort((a, b) => Number(cut.has(b)) - Number(cut.has(a)) || degreeOf(b) - degreeOf(a) || a - b);
    candidates = candidates.slice(0, budget);
  } else candidates.sort((a, b) => degreeOf(b) - degreeOf(a) || a - b);
  const removed = new Uint8Array(n);
  const before = fragmentation(csr);
  const players: KeyPlayers['players'] = [];
  for (let round = 0; round < Math.min(k, n); round++) {
    let best = -1;
    let bestScore = -1;
    for (const candidate of candidates) {
      if (removed[candidate]) continue;
      removed[candidate] = 1;
      const score = fragmentation(csr, removed);
      removed[candidate] = 0;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best < 0) break;
    removed[best] = 1;
    players.push({ node: best, fragmentation: bestScore });
  }
  return { players, before, after: players.at(-1)?.fragmentation ?? before, candidates: Math.min(candidates.length, n) };
}

export interface ConnectingTree {
  nodes: number[];
  ties: [number, number][];
  /** Terminals no path of at most maxHops joins to the others. */
  unreachable: number[];
}

/**
 * An approximate Steiner tree (Takahashi & Matsuyama 1980, within a factor 2 of the smallest): start from the first
 * terminal, then repeatedly join the terminal nearest the tree by a shortest path of at most maxHops, until every
 * terminal is joined or none left is within reach.
 */
export function connectTerminals(csr: Csr, terminals: number[], maxHops: number): ConnectingTree {
  const { n, offsets, targets } = csr;
  const inTree = new Uint8Array(n);
  const tree = [terminals[0]!];
  inTree[terminals[0]!] = 1;
  const ties: [number, number][] = [];
  let waiting = new Set(terminals.slice(1).filter((terminal) => terminal !== terminals[0]));
  const parent = new Int32Array(n);
  const hops = new Int32Array(n);
  const queue = new Int32Array(n);
  while (waiting.size > 0) {
    // One breadth-first search from the whole tree; the first waiting terminal it meets is the nearest.
    hops.fill(-1);
    let tail = 0;
    for (const v of tree) {
      hops[v] = 0;
      parent[v] = -1;
      queue[tail++] = v;
    }
    let found = -1;
    for (let head = 0; head < tail && found < 0; head++) {
      const v = queue[head]!;
      if (hops[v]! >= maxHops) continue;
      for (let slot = offsets[v]!; slot < offsets[v + 1]!; slot++) {
        const w = targets[slot]!;
        if (hops[w]! >= 0) continue;
        hops[w] = hops[v]! + 1;
        parent[w] = v;
        queue[tail++] = w;
        if (waiting.has(w)) {
          found = w;
          break;
        }
      }
    }
    if (found < 0) break;
    for (let v = found; !inTree[v]; v = parent[v]!) {
      inTree[v] = 1;
      tree.push(v);
      ties.push([parent[v]!, v]);
    }
    waiting = new Set([...waiting].filter((terminal) => !inTree[terminal]));
  }
  return { nodes: tree, ties, unreachable: [...waiting] };
}
