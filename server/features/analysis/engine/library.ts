import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import eigenvector from 'graphology-metrics/centrality/eigenvector.js';
import type { Csr } from './csr.js';
import { seededRandom } from './random.js';

// The measures graphology's libraries compute as NetworkX does; they run on a graphology graph built from the CSR,
// whose node keys are the CSR's node numbers.

/** Louvain's moves are drawn by this seed, so the same graph gives the same communities. */
export const LOUVAIN_SEED = 7;
/** NetworkX's defaults for the eigenvector power iteration. */
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

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

function byNode(csr: Csr, mapping: Record<string, number>): Float64Array {
  return Float64Array.from({ length: csr.n }, (_, v) => mapping[v]!);
}

/**
 * Eigenvector centrality as NetworkX's eigenvector_centrality: the power iteration x ← (A + I)ᵀx, scaled each round
 * to unit Euclidean norm (‖x‖₂ = 1), until the L1 change is below n·10⁻⁶ (100 iterations at most); directed, a node
 * scores by the ties into it (the left eigenvector), weighted by w_uv.
 */
export function eigenvectorCentrality(csr: Csr, graph: Graph): Float64Array {
  return byNode(csr, eigenvector(graph, { maxIterations: MAX_ITERATIONS, tolerance: TOLERANCE, getEdgeWeight: csr.weights ? 'weight' : null }));
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
