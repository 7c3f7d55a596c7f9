import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { DEFAULT_REQUEST, nodeMarks, type AnalysisRequest } from '../state/analysis';
import { link, person } from '../state/testGraph';
import {
  analysisHighlight,
  cancelAnalysis,
  commonNeighbours,
  connectSelected,
  explainCentrality,
  putTopOnCanvas,
  runAnalysis,
  selectRow,
  showWhyPath,
} from './analysis';
import { memoryApi } from './memoryApi';
import { place } from './place';
import { createExplorer, viewOf } from './store';

// Two triangles, a–b–c and d–e–f, joined by the tie c–d: c and d are the brokers, c–d the bridge.
const [a, b, c, d, e, f] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(`person:${id}`, id.toUpperCase()));
const quoted = (from: typeof a, to: typeof a) => link(from!.id, 'KNOWS', to!.id, { quotes: [`${from!.name} knows ${to!.name}.`] });
const twoCells: Graph = {
  nodes: [a!, b!, c!, d!, e!, f!],
  edges: [quoted(a, b), quoted(b, c), quoted(a, c), quoted(c, d), quoted(d, e), quoted(e, f), quoted(d, f)],
};

const request = (change: Partial<AnalysisRequest>): AnalysisRequest => ({ ...DEFAULT_REQUEST, ...change });
const analysisOf = (explorer: ReturnType<typeof createExplorer>) => explorer.store.getState().analysis;

describe('running an analysis', () => {
  it('ranks betweenness over the whole graph, the brokers first, and sizes nodes by score', async () => {
    const explorer = createExplorer(memoryApi(twoCells));
    await runAnalysis(explorer, request({ measure: 'betweenness' }));
    const { status, result, overlay } = analysisOf(explorer);
    expect(status).toEqual({ kind: 'idle' });
    expect(result!.rows.slice(0, 2).map((row) => row.node.id)).toEqual([c!.id, d!.id]);
    // c stands between a, b and each of d, e, f: 6 of the (n − 1)(n − 2)/2 = 10 pairs of others.
    expect(result!.rows[0]!.score).toBeCloseTo(0.6, 12);
    expect(result!.summary).toMatch(/6 actors in the whole graph, undirected; exact/);
    expect(overlay).toBe('size');
    const marks = nodeMarks(result, 'size');
    expect(marks[c!.id]!.size).toBeGreaterThan(marks[a!.id]!.size!);
  });

  it('analyses only the canvas when asked, and refuses an empty canvas', async () => {
    const api = memoryApi(twoCells);
    const explorer = createExplorer(api);
    await runAnalysis(explorer, request({ scope: 'canvas' }));
    expect(analysisOf(explorer).status).toMatchObject({ kind: 'error', message: expect.stringMatching(/canvas is empty/) });
    await place(explorer, [a!, b!, c!]);
    await runAnalysis(explorer, request({ scope: 'canvas', measure: 'degree' }));
    expect(api.calls.find((call) => call.name === 'getCentrality')!.ids!.sort()).toEqual([a!.id, b!.id, c!.id]);
    expect(analysisOf(explorer).result!.rows.map((row) => row.score)).toEqual([1, 1, 1]);
  });

  it('colours communities, one colour per community, with their sizes for the legend', async () => {
    const explorer = createExplorer(memoryApi(twoCells));
    await runAnalysis(explorer, request({ measure: 'communities' }));
    const { result } = analysisOf(explorer);
    expect(result!.communitySizes).toEqual([3, 3]);
    expect(result!.communityOf![a!.id]).toBe(result!.communityOf![b!.id]);
    expect(result!.communityOf![a!.id]).not.toBe(result!.communityOf![f!.id]);
    const marks = nodeMarks(result, 'size');
    expect(marks[a!.id]!.colour).toBe(marks[c!.id]!.colour);
    expect(marks[a!.id]!.colour).not.toBe(marks[d!.id]!.colour);
    expect(result!.rows.map((row) => row.node.name).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('rings the brokers and marks the bridge; key players are the actors whose removal splits the cells', async () => {
    const explorer = createExplorer(memoryApi(twoCells));
    await runAnalysis(explorer, request({ measure: 'brokers' }));
    const brokers = analysisOf(explorer).result!;
    expect(brokers.highlighted.sort()).toEqual([c!.id, d!.id]);
    expect(brokers.bridges).toEqual([{ source: c!.id, target: d!.id }]);
    expect(analysisHighlight(analysisOf(explorer)).bridges.has(`${d!.id}\n${c!.id}`)).toBe(true);
    expect(nodeMarks(brokers, 'size')[c!.id]!.lit).toBe(true);
    await runAnalysis(explorer, request({ measure: 'key-players', limit: 1 }));
    const players = analysisOf(explorer).result!;
    expect(players.rows.map((row) => row.node.id)).toEqual([c!.id]);
    // Without c: {a, b} and {d, e, f} among 5, so 1 − (2·1 + 3·2)/(5·4).
    expect(players.rows[0]!.score).toBeCloseTo(1 - 8 / 20, 12);
    expect(players.summary).toMatch(/from 0 to 0\.6/);
  });

  it('stops the request when cancelled and says so, leaving the previous result', async () => {
    const base = memoryApi(twoCells);
    let seen: AbortSignal | undefined;
    const explorer = createExplorer({
      ...base,
      getCentrality: (_scope, _options, signal) =>
        new Promise((_resolve, reject) => {
          seen = signal;
          signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const running = runAnalysis(explorer, request({ measure: 'closeness' }));
    expect(analysisOf(explorer).status).toMatchObject({ kind: 'running', what: 'Computing closeness over the whole graph…' });
    cancelAnalysis(explorer);
    await running;
    expect(seen!.aborted).toBe(true);
    expect(analysisOf(explorer).status).toEqual({ kind: 'idle' });
    expect(analysisOf(explorer).result).toBeUndefined();
    expect(explorer.store.getState().notice).toBe('Analysis cancelled.');
  });
});

describe('acting on the result', () => {
  it('selects a row’s actor on the canvas, bringing it in when it is not there', async () => {
    const explorer = createExplorer(memoryApi(twoCells));
    await runAnalysis(explorer, request({ measure: 'degree' }));
    await selectRow(explorer, e!);
    expect(viewOf(explorer).nodes[e!.id]).toBeDefined();
    expect(explorer.store.getState().selection).toEqual([e!.id]);
    await selectRow(explorer, e!);
    expect(explorer.store.getState().viewportRequest).toEqual({ kind: 'focus', ids: [e!.id] });
  });

  it('puts the top N on the canvas with the ties among them', async () => {
    const explorer = createExplorer(memoryApi(twoCells));
    await runAnalysis(explorer, request({ measure: 'betweenness' }));
    await putTopOnCanvas(explorer, 2);
    expect(Object.keys(viewOf(explorer).nodes).sort()).toEqual([c!.id, d!.id]);
    expect(Object.values(viewOf(explorer).edges).map((edge) => edge.type)).toEqual(['KNOWS']);
  });

  it('explains why an actor is central and draws one of its paths', async () => {
    const explorer = createExplorer(memoryApi(twoCells));
    await runAnalysis(explorer, request({ measure: 'betweenness' }));
    await explainCentrality(explorer, c!);
    const why = analysisOf(explorer).why!;
    expect(why.status).toEqual({ kind: 'idle' });
    expect(why.answer!.betweenness).toBeCloseTo(0.6, 12);
    expect(why.answer!.pairs.length).toBe(6);
    const pair = why.answer!.pairs.find((candidate) => candidate.source.id === a!.id && candidate.target.id === e!.id)!;
    expect(pair.path).toEqual([a!.id, c!.id, d!.id, e!.id]);
    await showWhyPath(explorer, pair.path);
    expect(explorer.store.getState().paths!.paths[0]!.nodes.map((node) => node.id)).toEqual(pair.path);
  });
});

describe('several actors at once', () => {
  it('connects three actors by a small tree, drawn and told with one quote per link', async () => {
    const explorer = createExplorer(memoryApi(twoCells));
    await place(explorer, [a!, e!, f!]);
    await connectSelected(explorer, [a!.id, e!.id, f!.id]);
    const linking = analysisOf(explorer).linking!;
    if (linking.kind !== 'connect') throw new Error('expected a connection');
    expect(linking.answer.unreachable).toEqual([]);
    expect(linking.answer.links.length).toBe(4);
    expect(linking.answer.links.every((line) => line.quote?.endsWith('.'))).toBe(true);
    expect(Object.keys(viewOf(explorer).nodes).sort()).toEqual([a!.id, c!.id, d!.id, e!.id, f!.id].sort());
    expect(analysisHighlight(analysisOf(explorer)).edges.size).toBe(4);
    expect(explorer.store.getState().sideTab).toBe('analysis');
  });

  it('brings in the common neighbours of two actors', async () => {
    const explorer = createExplorer(memoryApi(twoCells));
    await place(explorer, [a!, b!]);
    await commonNeighbours(explorer, [a!.id, b!.id]);
    const linking = analysisOf(explorer).linking!;
    expect(linking.kind === 'common' && linking.results.map((node) => node.id)).toEqual([c!.id]);
    expect(viewOf(explorer).nodes[c!.id]).toBeDefined();
  });
});
