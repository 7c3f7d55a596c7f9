import os from 'node:os';
import Graph from 'graphology';
import libraryBetweenness from 'graphology-metrics/centrality/betweenness.js';
import { buildCsr } from '../server/features/analysis/engine/csr.js';
import { betweennessCentrality } from '../server/features/analysis/engine/centrality.js';
import { seededRandom } from '../server/features/analysis/engine/random.js';

// npm run bench:betweenness [-- NODES EDGES]: exact betweenness on a seeded random graph (uniform random pairs,
// default 10⁴ nodes and 3·10⁴ edges), our typed-array Brandes pass against graphology-metrics', and the largest
// difference between their scores. The goal (issue 12) is ≤ 5 s for the default size.
const nodes = Number(process.argv[2] ?? 10_000);
const edges = Number(process.argv[3] ?? 30_000);
const random = seededRandom(7);
const sources = Int32Array.from({ length: edges }, () => Math.floor(random() * nodes));
const targets = Int32Array.from({ length: edges }, () => Math.floor(random() * nodes));

let started = performance.now();
const cpu = process.cpuUsage();
const csr = buildCsr({ n: nodes, sources, targets, weights: null }, false);
const ours = betweennessCentrality(csr, Infinity);
const oursSeconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage(cpu);
// CPU time beside wall time: on a shared machine the wall time mostly measures the other processes.
const oursCpuSeconds = (user + system) / 1e6;

const graph = new Graph({ type: 'undirected' });
for (let v = 0; v < nodes; v++) graph.addNode(v);
for (let e = 0; e < edges; e++) if (sources[e] !== targets[e]) graph.mergeEdge(sources[e], targets[e]);
started = performance.now();
const library = libraryBetweenness(graph, { normalized: true });
const librarySeconds = (performance.now() - started) / 1000;

let largestDifference = 0;
for (let v = 0; v < nodes; v++) largestDifference = Math.max(largestDifference, Math.abs(library[String(v)]! - ours.scores[v]!));
console.log(
  JSON.stringify(
    { nodes, edges, ties: csr.targets.length / 2, oursSeconds, oursCpuSeconds, librarySeconds, largestDifference, loadAverage: os.loadavg() },
    null,
    2,
  ),
);
