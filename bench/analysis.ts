import { readFileSync } from 'node:fs';
import { measureApi, type Latency, type Scenario } from './apiLatency.js';
import type { ServerProcess } from './support/serverProcess.js';
import { peakMiB, resetPeak } from './support/processMemory.js';

// The analysis section of `npm run bench` (issue 12): per measure, the time of GET /api/analysis/* against the API
// in its own process and the peak resident memory of that process meanwhile; and node details' latency while an
// analysis runs, against idle.

export const ANALYSIS_MEASURES = ['degree', 'pagerank', 'betweenness', 'closeness', 'eigenvector', 'communities'] as const;

export interface AnalysisTiming {
  measure: (typeof ANALYSIS_MEASURES)[number];
  /** Wall time of the request with the projection already read and cached (worker, CSR and computation). */
  ms: number;
  /** CPU time of the API process (main thread and analysis worker) during the request: on a shared machine, the figure that does not depend on the other processes' load. */
  cpuMs: number;
  /** CPU time of Neo4j's JVM during the request (the projection read is its part of the first one). */
  neo4jCpuMs: number;
  /** Peak resident memory of the API process during the request, MiB (VmHWM after a reset). */
  peakRssMiB: number;
  exact: boolean | null;
  sampleSize: number | null;
  /** The HTTP status: 422 when the power iteration does not converge (eigenvector at 10⁶, where NetworkX fails too). */
  status: number;
}

export interface AnalysisResult {
  /** The first request's extra time over the same request once cached: the projection read from Neo4j (one streaming read). */
  projectionReadMs: number;
  /** The same for the API process's CPU time (decoding the read; Neo4j's own work is in its process). */
  projectionReadCpuMs: number;
  /** The same for Neo4j's CPU time: its part of the read (matching, expanding, sending). */
  projectionReadNeo4jCpuMs: number;
  nodes: number;
  measures: AnalysisTiming[];
  /** Node details at the bench's concurrency, idle and while betweenness requests run back to back. */
  nodeDetails: { idle: Latency; duringAnalysis: Latency; p99Ratio: number; analysesCompleted: number };
}

const pathOf = (measure: AnalysisTiming['measure']): string =>
  measure === 'communities' ? '/api/analysis/communities?limit=10' : `/api/analysis/centrality?measure=${measure}&limit=10`;

/** User + system CPU time of a process so far, ms (Linux /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function timed(
  server: ServerProcess,
  neo4jPid: number,
  path: string,
): Promise<{ ms: number; cpuMs: number; neo4jCpuMs: number; peakRssMiB: number; status: number; body: Record<string, unknown> }> {
  resetPeak(server.pid);
  const cpuBefore = cpuMs(server.pid);
  const neo4jCpuBefore = cpuMs(neo4jPid);
  const started = performance.now();
  const response = await fetch(`${server.base}${path}`);
  const body = (await response.json()) as Record<string, unknown>;
  const ms = performance.now() - started;
  if (!response.ok && response.status !== 422) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return {
    ms: Math.round(ms),
    cpuMs: cpuMs(server.pid) - cpuBefore,
    neo4jCpuMs: cpuMs(neo4jPid) - neo4jCpuBefore,
    peakRssMiB: peakMiB(server.pid),
    status: response.status,
    body,
  };
}

/**
 * Runs against a server whose projection cache is cold (a fresh process): the first degree request reads the
 * projection, the second finds it cached, and their difference is the read. Then every measure once more on the
 * cached projection, and node details idle vs during back-to-back betweenness requests.
 */
export async function measureAnalysis(
  server: ServerProcess,
  nodeDetails: Scenario,
  options: { connections: number; seconds: number; neo4jPid: number; log: (message: string) => void },
): Promise<AnalysisResult> {
  const cold = await timed(server, options.neo4jPid, pathOf('degree'));
  const warm = await timed(server, options.neo4jPid, pathOf('degree'));
  const measures: AnalysisTiming[] = [];
  for (const measure of ANALYSIS_MEASURES) {
    options.log(`analysis: ${measure}`);
    const { ms, cpuMs, neo4jCpuMs, peakRssMiB, status, body } = measure === 'degree' ? warm : await timed(server, options.neo4jPid, pathOf(measure));
    measures.push({
      measure,
      ms,
      cpuMs,
      neo4jCpuMs,
      peakRssMiB,
      status,
      exact: typeof body.exact === 'boolean' ? body.exact : null,
      sampleSize: typeof body.sampleSize === 'number' ? body.sampleSize : null,
    });
  }

  options.log('analysis: node details idle, then during betweenness');
  const idle = await measureApi(server.base, nodeDetails, options.connections, options.seconds);
  let running = true;
  let analysesCompleted = 0;
  const analyses = (async () => {
    while (running) {
      await fetch(`${server.base}${pathOf('betweenness')}`).then((response) => response.arrayBuffer());
      analysesCompleted += 1;
    }
  })();
  const duringAnalysis = await measureApi(server.base, nodeDetails, options.connections, options.seconds);
  running = false;
  await analyses;
  return {
    projectionReadMs: Math.max(0, cold.ms - warm.ms),
    projectionReadCpuMs: Math.max(0, cold.cpuMs - warm.cpuMs),
    projectionReadNeo4jCpuMs: Math.max(0, cold.neo4jCpuMs - warm.neo4jCpuMs),
    nodes: Number(cold.body.nodes),
    measures,
    nodeDetails: { idle, duringAnalysis, p99Ratio: Math.round((duringAnalysis.p99 / idle.p99) * 100) / 100, analysesCompleted },
  };
}

/** The goals of issue 12 item 10, by measure, in seconds; betweenness's is the sampled one at 10⁶. */
const GOALS: Partial<Record<AnalysisTiming['measure'], string>> = {
  degree: '≤ 2 s at 10⁶ with the read',
  pagerank: '≤ 2 s at 10⁶ with the read',
  betweenness: '≤ 10 s at 10⁶ (sampled)',
};

/** The analysis rows of the console report. */
export function printAnalysisTable(results: { relationships: number; analysis?: AnalysisResult }[]): void {
  const measured = results.filter((result) => result.analysis);
  if (measured.length === 0) return;
  console.log('Analysis through the API, cached projection (s; "with read" adds the projection read of the first request)');
  console.table(
    measured.flatMap(({ relationships, analysis }) =>
      analysis!.measures.map((row) => ({
        relationships,
        nodes: analysis!.nodes,
        measure: row.measure,
        s: row.ms / 1000,
        'with read s': (row.ms + analysis!.projectionReadMs) / 1000,
        'API CPU s': row.cpuMs / 1000,
        'read CPU s': analysis!.projectionReadCpuMs / 1000,
        'read Neo4j CPU s': analysis!.projectionReadNeo4jCpuMs / 1000,
        'peak RSS MiB': row.peakRssMiB,
        exact: row.exact ?? '',
        'sample size': row.sampleSize ?? '',
        goal: GOALS[row.measure] ?? '',
        status: row.status,
      })),
    ),
  );
  console.log('Node details during a running analysis vs idle, ms (goal p99 ≤ 2 × idle)');
  console.table(
    measured.map(({ relationships, analysis }) => ({
      relationships,
      'idle p50': analysis!.nodeDetails.idle.p50,
      'idle p99': analysis!.nodeDetails.idle.p99,
      'during p50': analysis!.nodeDetails.duringAnalysis.p50,
      'during p99': analysis!.nodeDetails.duringAnalysis.p99,
      'p99 ratio': analysis!.nodeDetails.p99Ratio,
      'analyses run': analysis!.nodeDetails.analysesCompleted,
      errors: analysis!.nodeDetails.idle.errors + analysis!.nodeDetails.duringAnalysis.errors,
    })),
  );
}
