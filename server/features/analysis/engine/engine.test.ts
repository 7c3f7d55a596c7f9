import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisCancelled, AnalysisEngine, type EngineStatus } from './engine.js';
import { edgeList, KITE_TIES, randomTies } from './testGraphs.js';

/** A random graph on which a greedy key-player search of 50 takes seconds: long enough to be caught running. */
function tangle(n: number, ties: number) {
  return { key: `tangle-${n}`, edges: edgeList(n, randomTies(n, ties, 7)) };
}

const kite = { key: 'kite', edges: edgeList(10, KITE_TIES) };

async function until(engine: AnalysisEngine, condition: (status: EngineStatus) => boolean): Promise<EngineStatus> {
  for (;;) {
    const status = engine.status();
    if (condition(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let engine: AnalysisEngine;
afterEach(() => engine.close());

describe('cancelling an analysis', () => {
  it('stops the running computation by replacing the worker, and the tasks waiting behind it still get their answer', async () => {
    engine = new AnalysisEngine();
    const stop = new AbortController();
    const long = engine.run(tangle(3000, 12_000), { kind: 'keyPlayers', k: 50 }, stop.signal);
    const waiting = engine.run(kite, { kind: 'centrality', measure: 'degree', directed: false });
    const before = await until(engine, (status) => status.running?.kind === 'keyPlayers');
    expect(before.queued).toBe(1);
    stop.abort();
    await expect(long).rejects.toBeInstanceOf(AnalysisCancelled);
    const degree = await waiting;
    // Diane has 6 of 9 possible ties.
    expect(degree.scores[3]).toBeCloseTo(6 / 9, 12);
    const after = engine.status();
    expect(after).toMatchObject({ running: null, queued: 0 });
    expect(after.workersStarted).toBe(before.workersStarted + 1);
  });

  it('drops a waiting task whose signal aborts without disturbing the one computing', async () => {
    engine = new AnalysisEngine();
    const computing = engine.run(kite, { kind: 'centrality', measure: 'betweenness', directed: false });
    const stop = new AbortController();
    const waiting = engine.run(kite, { kind: 'components' }, stop.signal);
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(AnalysisCancelled);
    // Heather's published betweenness.
    expect((await computing).scores[7]).toBeCloseTo(0.388889, 6);
    expect(engine.status()).toMatchObject({ running: null, queued: 0, workersStarted: 1 });
  });

  it('tells betweenness progress as sources done of the total', async () => {
    engine = new AnalysisEngine();
    const stop = new AbortController();
    const running = engine.run(tangle(20_000, 60_000), { kind: 'centrality', measure: 'betweenness', directed: false }, stop.signal);
    const status = await until(engine, (now) => (now.running?.done ?? 0) > 0);
    expect(status.running).toMatchObject({ kind: 'centrality', measure: 'betweenness' });
    expect(status.running!.total).toBeGreaterThan(status.running!.done!);
    stop.abort();
    await expect(running).rejects.toBeInstanceOf(AnalysisCancelled);
  });

  it('does not start a task whose signal has already aborted', async () => {
    engine = new AnalysisEngine();
    await expect(engine.run(kite, { kind: 'components' }, AbortSignal.abort())).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(engine.status()).toMatchObject({ running: null, workersStarted: 0 });
  });
});
