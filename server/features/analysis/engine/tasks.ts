import type Graph from 'graphology';
import { brokeredPairs, type Brokerage } from './brokerage.js';
import { betweennessCentrality, closenessCentrality, degreeCentrality, EXACT_WORK_LIMIT, sourceCount, type Scores } from './centrality.js';
import { buildCsr, type Csr, type EdgeList } from './csr.js';
import { eigenvectorCentrality } from './eigenvector.js';
import { louvainCommunities, toGraphology, type Communities } from './library.js';
import { pageRankCentrality } from './pageRank.js';
import {
  articulationPointsAndBridges,
  connectTerminals,
  connectedComponents,
  coreNumbers,
  greedyKeyPlayers,
  type ConnectingTree,
  type KeyPlayers,
} from './structure.js';

export const MEASURES = ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'] as const;
export type Measure = (typeof MEASURES)[number];

/** What the engine is asked to compute over a projection; node numbers index the projection's ids. */
export type Task =
  | { kind: 'centrality'; measure: Measure; directed: boolean }
  | { kind: 'communities' }
  | { kind: 'components' }
  | { kind: 'cores' }
  | { kind: 'brokers' }
  | { kind: 'keyPlayers'; k: number }
  | { kind: 'connect'; terminals: number[]; maxHops: number }
  | { kind: 'brokerage'; node: number; limit: number; directed: boolean };

export type TaskResult<T extends Task> = T extends { kind: 'centrality' }
  ? Scores
  : T extends { kind: 'communities' }
    ? Communities
    : T extends { kind: 'components' }
      ? { component: Int32Array; sizes: number[] }
      : T extends { kind: 'cores' }
        ? { core: Int32Array }
        : T extends { kind: 'brokers' }
          ? { articulationPoints: number[]; bridges: [number, number][] }
          : T extends { kind: 'keyPlayers' }
            ? KeyPlayers
            : T extends { kind: 'connect' }
              ? ConnectingTree
              : Brokerage;

/** The CSRs and graphology graphs of one projection, each built the first time a task needs it. */
export class PreparedProjection {
  private readonly csrs = new Map<boolean, Csr>();
  private readonly graphs = new Map<boolean, Graph>();

  constructor(readonly edges: EdgeList) {}

  csr(directed: boolean): Csr {
    let csr = this.csrs.get(directed);
    if (!csr) {
      csr = buildCsr(this.edges, directed);
      this.csrs.set(directed, csr);
    }
    return csr;
  }

  graph(directed: boolean): Graph {
    let graph = this.graphs.get(directed);
    if (!graph) {
      graph = toGraphology(this.csr(directed));
      this.graphs.set(directed, graph);
    }
    return graph;
  }
}

/** How far a task has got: `done` of `total` shortest-path sources (betweenness and closeness report it). */
export type ProgressListener = (done: number, total: number) => void;

/** Runs one task; structural tasks read the graph as undirected. */
export function runTask<T extends Task>(projection: PreparedProjection, task: T, onProgress?: ProgressListener): TaskResult<T> {
  return computeTask(projection, task, onProgress) as TaskResult<T>;
}

function computeTask(projection: PreparedProjection, task: Task, onProgress?: ProgressListener): unknown {
  switch (task.kind) {
    case 'centrality': {
      const csr = projection.csr(task.directed);
      const total = sourceCount(csr, EXACT_WORK_LIMIT);
      const onSource = onProgress && ((done: number) => onProgress(done, total));
      switch (task.measure) {
        case 'degree':
          return degreeCentrality(csr);
        case 'betweenness':
          return betweennessCentrality(csr, EXACT_WORK_LIMIT, onSource);
        case 'closeness':
          return closenessCentrality(csr, EXACT_WORK_LIMIT, onSource);
        case 'pagerank':
          return { scores: pageRankCentrality(csr), exact: true, sources: csr.n };
        case 'eigenvector':
          return { scores: eigenvectorCentrality(csr), exact: true, sources: csr.n };
      }
      break;
    }
    case 'communities':
      return louvainCommunities(projection.csr(false), projection.graph(false));
    case 'components':
      return connectedComponents(projection.csr(false));
    case 'cores':
      return { core: coreNumbers(projection.csr(false)) };
    case 'brokers':
      return articulationPointsAndBridges(projection.csr(false));
    case 'keyPlayers':
      return greedyKeyPlayers(projection.csr(false), task.k);
    case 'connect':
      return connectTerminals(projection.csr(false), task.terminals, task.maxHops);
    case 'brokerage':
      return brokeredPairs(projection.csr(task.directed), task.node, task.limit);
  }
}
