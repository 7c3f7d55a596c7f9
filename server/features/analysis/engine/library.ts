import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Csr } from './csr.js';
import { seededRandom } from './random.js';

// Louvain, from graphology's library, runs on a graphology graph built from the CSR, whose node keys are the CSR's
// node numbers.

/** Louvain's moves are drawn by this seed, so the same graph gives the same communities. */
export const LOUVAIN_SEED = 7;

/** A graphology graph of the CSR's simple graph; ties carry `weight` when the CSR has weights. */
export function toGraphology(csr: Csr): Graph {
  const graph = new Graph({ type: csr.directed ? 'directed' : 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < csr.n; v++) graph.addNode(v);
  for (let v = 0; v < csr.n; v++) {
    for (let slot = csr.offsets[v]!; slot < csr.offsets[v + 1]!; slot++) {
      const w = csr.targets[slot]!;
      if (!csr.directed && w < v) continue;
      graph.addEdge(v, w, csr.weights ? { weight: csr.weights[slot]! } : {});
    }
  }
  return graph;
}

export interface Communities {
  community: Int32Array;
  count: number;
  /**
   * Newman's modularity Q = 1/(2m) Σ_ij (A_ij − k_i k_j / 2m) δ(c_i, c_j) of the partition found; null when the graph has
   * no ties (m = 0), where Q is undefined (NetworkX raises a ZeroDivisionError there).
   */
  modularity: number | null;
}

/** Louvain communities (Blondel et al. 2008) at resolution 1, with a seeded random order of moves. */
export function louvainCommunities(csr: Csr, graph: Graph): Communities {
  const result = louvain.detailed(graph, { rng: seededRandom(LOUVAIN_SEED), getEdgeWeight: csr.weights ? 'weight' : null });
  return {
    community: Int32Array.from({ length: csr.n }, (_, v) => result.communities[v]!),
    count: result.count,
    modularity: Number.isFinite(result.modularity) ? result.modularity : null,
  };
}
