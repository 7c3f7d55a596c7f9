import Graph from 'graphology';
import libraryBetweenness from 'graphology-metrics/centrality/betweenness.js';
import libraryCloseness from 'graphology-metrics/centrality/closeness.js';
import { degreeCentrality as libraryDegree } from 'graphology-metrics/centrality/degree.js';
import libraryEigenvector from 'graphology-metrics/centrality/eigenvector.js';
import libraryPagerank from 'graphology-metrics/centrality/pagerank.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ID, loadPeruAndGeneratedGraph } from '../../../tests/support/generatedGraph.js';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { openTestDatabase, readQuery } from '../../../tests/support/testDatabase.js';
import { relationshipId, type Dataset } from '../load/dataset.js';
import { deleteDataset, forgetCompleteDatasets } from '../datasets/datasets.service.js';
import { loadDataset } from '../load/load.service.js';
import { karateTies, KITE_NAMES, KITE_TIES, randomTies } from './engine/testGraphs.js';

const db = openTestDatabase();
let app: RunningApp;

const kiteId = (v: number) => `person:kite-${KITE_NAMES[v]!.toLowerCase()}`;
const karateId = (v: number) => `person:karate-${String(v).padStart(2, '0')}`;

/** A small network as a dataset, loaded through the same path as real ones; every tie carries a quote. */
function networkDataset(id: string, ties: [number, number][], nodeId: (v: number) => string, names: (v: number) => string, n: number): Dataset {
  const quote = `Quoted for the ${id} network.`;
  return {
    manifest: { id, title: id, sourceFile: `${id}.txt`, sha256: '0'.repeat(64), licence: 'CC0-1.0', attribution: 'Nexo tests' },
    sourceText: quote,
    nodes: Array.from({ length: n }, (_, v) => ({
      id: nodeId(v),
      kind: 'Person' as const,
      name: names(v),
      aliases: [],
      description: names(v),
      quotes: [quote],
    })),
    relationships: ties.map(([a, b]) => {
      const relationship = { type: 'KNOWS', source: nodeId(a), target: nodeId(b), quotes: [quote] };
      return { ...relationship, id: relationshipId(relationship) };
    }),
  };
}

const kiteIds = KITE_NAMES.map((_, v) => kiteId(v));
const karateIds = Array.from({ length: 34 }, (_, v) => karateId(v));

beforeAll(async () => {
  await loadPeruAndGeneratedGraph(db);
  app = await startApp(db, { QUERY_TIMEOUT_MS: '30000' });
});

afterAll(async () => {
  await app.close();
  await db.close();
});

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.base}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

interface CentralityAnswer {
  measure: string;
  exact: boolean;
  sampleSize: number;
  nodes: number;
  results: { node: { id: string; name: string; labels: string[] }; score: number }[];
}

/** The whole graph as the README defines its projection, read by a Cypher query of the test's own into graphology. */
async function projectionByCypher(): Promise<Graph> {
  const { records } = await readQuery(db, 'MATCH (a:Entity) OPTIONAL MATCH (a)-[]->(b:Entity) RETURN a.id AS id, collect(b.id) AS out');
  const graph = new Graph({ type: 'undirected' });
  for (const record of records) graph.mergeNode(record.get('id') as string);
  for (const record of records) {
    for (const target of record.get('out') as string[]) if (target !== record.get('id')) graph.mergeEdge(record.get('id') as string, target);
  }
  return graph;
}

describe('centrality over the whole graph', () => {
  it('equals graphology-metrics on the same projection, for every measure that converges', async () => {
    const graph = await projectionByCypher();
    const expected: Record<string, Record<string, number>> = {
      degree: libraryDegree(graph),
      betweenness: libraryBetweenness(graph, { normalized: true }),
      closeness: libraryCloseness(graph, { wassermanFaust: true }),
      pagerank: libraryPagerank(graph, { getEdgeWeight: null }),
    };
    for (const [measure, scores] of Object.entries(expected)) {
      const { status, body } = await call<CentralityAnswer>('GET', `/api/analysis/centrality?measure=${measure}&limit=10000`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ measure, exact: true, nodes: graph.order, sampleSize: graph.order });
      expect(body.results.length).toBe(graph.order);
      for (const { node, score } of body.results) {
        if (Math.abs(score - scores[node.id]!) > 1e-9) throw new Error(`${measure} of ${node.id}: ${score}, library ${scores[node.id]}`);
      }
      const sorted = body.results.map((result) => result.score);
      expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    }
  });

  it('answers 422 for eigenvector centrality, whose power iteration does not converge on this graph in the library either', async () => {
    const graph = await projectionByCypher();
    expect(() => libraryEigenvector(graph, { getEdgeWeight: null })).toThrow(/converge/);
    const { status, body } = await call<{ title: string; detail: string }>('GET', '/api/analysis/centrality?measure=eigenvector');
    expect(status).toBe(422);
    expect(body.title).toBe('No convergence');
    expect(body.detail).toMatch(/NetworkX's eigenvector_centrality .* fails on this graph too.*Try PageRank/);
  });

  it('ranks the generated hub first by degree, in the API’s Node shape', async () => {
    const { body } = await call<CentralityAnswer>('GET', '/api/analysis/centrality?measure=degree&limit=3');
    expect(body.results.length).toBe(3);
    expect(body.results[0]!.node).toMatchObject({ id: HUB_ID, name: 'Generated Hub', labels: expect.arrayContaining(['Person']) });
  });

  it('answers problem+json naming the parameter when the measure is unknown', async () => {
    const response = await fetch(`${app.base}/api/analysis/centrality?measure=fame`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/measure/);
  });
});

describe('networks loaded as datasets', () => {
  beforeAll(async () => {
    const before = await call<CentralityAnswer>('GET', '/api/analysis/centrality?measure=degree&limit=1');
    await loadDataset(
      db,
      networkDataset('kite', KITE_TIES, kiteId, (v) => KITE_NAMES[v]!, 10),
      'kite',
    );
    await loadDataset(
      db,
      networkDataset('karate', karateTies(), karateId, (v) => `Member ${v + 1}`, 34),
      'karate',
    );
    // The cached projection of the whole graph is read again after a load.
    const after = await call<CentralityAnswer>('GET', '/api/analysis/centrality?measure=degree&limit=1');
    expect(after.body.nodes).toBe(before.body.nodes + 44);
  });

  it('gives the kite’s published betweenness for the canvas scope (POST ids)', async () => {
    const { status, body } = await call<CentralityAnswer>('POST', '/api/analysis/centrality', { measure: 'betweenness', ids: kiteIds, limit: 4 });
    expect(status).toBe(200);
    expect(body.nodes).toBe(10);
    expect(body.results.map((result) => result.node.name)).toEqual(['Heather', 'Fernando', 'Garth', 'Ike']);
    expect(Math.abs(body.results[0]!.score - 0.388889)).toBeLessThan(1e-6);
    expect(Math.abs(body.results[1]!.score - 0.231481)).toBeLessThan(1e-6);
    expect(Math.abs(body.results[3]!.score - 0.222222)).toBeLessThan(1e-6);
  });

  it('gives the karate club’s eigenvector scores as the library does', async () => {
    const { body } = await call<CentralityAnswer>('POST', '/api/analysis/centrality', { measure: 'eigenvector', ids: karateIds, limit: 34 });
    const graph = new Graph({ type: 'undirected' });
    karateTies().forEach(([a, b]) => graph.mergeEdge(karateId(a), karateId(b)));
    const expected = libraryEigenvector(graph, { getEdgeWeight: null });
    expect(body.results.length).toBe(34);
    for (const { node, score } of body.results) expect(Math.abs(score - expected[node.id]!)).toBeLessThan(1e-9);
  });

  it('finds the karate club’s communities with modularity at least 0.41', async () => {
    const { status, body } = await call<{ algorithm: string; modularity: number; count: number; communities: { size: number; members: string[] }[] }>(
      'POST',
      '/api/analysis/communities',
      { ids: karateIds },
    );
    expect(status).toBe(200);
    expect(body.algorithm).toBe('louvain');
    expect(body.modularity).toBeGreaterThanOrEqual(0.41);
    expect(body.communities.reduce((sum, community) => sum + community.size, 0)).toBe(34);
    expect(body.communities.flatMap((community) => community.members).sort()).toEqual([...karateIds].sort());
  });

  it('tells that two actors are in different components', async () => {
    const { body } = await call<{ count: number; componentOf: Record<string, number> }>(
      'GET',
      `/api/analysis/components?of=${kiteId(0)},${kiteId(9)},${karateId(0)}&limit=1`,
    );
    expect(body.componentOf[kiteId(0)]).toBe(body.componentOf[kiteId(9)]);
    expect(body.componentOf[karateId(0)]).not.toBe(body.componentOf[kiteId(0)]);
    expect(body.count).toBeGreaterThanOrEqual(3);
  });

  it('names the kite’s brokers, key player and innermost core', async () => {
    const brokers = await call<{ articulationPoints: { name: string }[]; bridges: { source: string; target: string }[] }>('POST', '/api/analysis/brokers', {
      ids: kiteIds,
    });
    expect(brokers.body.articulationPoints.map((node) => node.name)).toEqual(['Heather', 'Ike']);
    expect(brokers.body.bridges).toEqual([
      { source: kiteId(7), target: kiteId(8) },
      { source: kiteId(8), target: kiteId(9) },
    ]);
    const keyPlayers = await call<{ fragmentationBefore: number; fragmentationAfter: number; players: { node: { name: string } }[] }>(
      'POST',
      '/api/analysis/key-players',
      { ids: kiteIds, k: 1 },
    );
    expect(keyPlayers.body.players.map((player) => player.node.name)).toEqual(['Heather']);
    expect(keyPlayers.body.fragmentationBefore).toBe(0);
    // Without Heather: 7 nodes together and Ike–Jane apart among 9: 1 − (7·6 + 2·1)/(9·8).
    expect(keyPlayers.body.fragmentationAfter).toBeCloseTo(1 - 44 / 72, 12);
    const cores = await call<{ degeneracy: number; results: { node: { name: string }; core: number }[] }>('POST', '/api/analysis/cores', { ids: kiteIds });
    expect(cores.body.degeneracy).toBe(3);
    expect(cores.body.results.map((result) => result.node.name).sort()).toEqual(['Andre', 'Beverly', 'Carol', 'Diane', 'Ed', 'Fernando', 'Garth']);
  });

  it('explains Heather’s centrality by the pairs whose shortest paths run through her', async () => {
    const { status, body } = await call<{
      betweenness: number;
      pairs: { source: { id: string }; target: { id: string }; paths: number; share: number; path: string[] }[];
    }>('POST', '/api/analysis/why-central', { id: kiteId(7), ids: kiteIds, limit: 100 });
    expect(status).toBe(200);
    expect(Math.abs(body.betweenness - 0.388889)).toBeLessThan(1e-6);
    expect(body.pairs.reduce((sum, pair) => sum + pair.share, 0)).toBeCloseTo(14, 9);
    for (const pair of body.pairs) {
      expect(pair.path).toContain(kiteId(7));
      expect([pair.path[0], pair.path.at(-1)]).toEqual([pair.source.id, pair.target.id]);
    }
  });

  it('connects several actors by a small tree, one quoted relationship per tie', async () => {
    const { status, body } = await call<{
      nodes: { id: string }[];
      edges: { source: string; target: string }[];
      links: { source: string; target: string; type: string; quote: string | null }[];
      unreachable: string[];
    }>('POST', '/api/analysis/connect', { ids: [kiteId(9), kiteId(2), kiteId(4)], maxHops: 6 });
    expect(status).toBe(200);
    expect(body.unreachable).toEqual([]);
    expect(body.edges.length).toBe(6);
    expect(body.nodes.length).toBe(7);
    expect(body.links.every((link) => link.type === 'KNOWS' && link.quote === 'Quoted for the kite network.')).toBe(true);
    const onTree = new Set(body.nodes.map((node) => node.id));
    for (const edge of body.edges) expect(onTree.has(edge.source) && onTree.has(edge.target)).toBe(true);
  });

  it('finds the common neighbours of two actors, and answers 404 for an unknown one', async () => {
    const common = await call<{ results: { name: string }[] }>('POST', '/api/analysis/common-neighbours', { ids: [kiteId(0), kiteId(1)] });
    expect(common.body.results.map((node) => node.name)).toEqual(['Diane']);
    const unknown = await call<{ status: number; detail: string }>('POST', '/api/analysis/common-neighbours', { ids: [kiteId(0), 'person:nobody'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/person:nobody/);
  });

  it('stays within the datasets `dataset` names, GET and POST alike, and answers 404 for an unknown dataset', async () => {
    const kite = await call<CentralityAnswer>('GET', '/api/analysis/centrality?measure=betweenness&limit=4&dataset=kite');
    expect(kite.status).toBe(200);
    expect(kite.body.nodes).toBe(10);
    expect(kite.body.results.map((result) => result.node.name)).toEqual(['Heather', 'Fernando', 'Garth', 'Ike']);
    const both = await call<{ count: number; components: { members: string[] }[] }>('GET', '/api/analysis/components?dataset=kite,karate&limit=10');
    expect(both.body.count).toBe(2);
    expect(both.body.components.flatMap((component) => component.members).sort()).toEqual([...kiteIds, ...karateIds].sort());
    // A canvas holding entities of two datasets, analysed within one: the others are left out.
    const canvas = await call<CentralityAnswer>('POST', '/api/analysis/centrality?dataset=karate', {
      measure: 'degree',
      ids: [...kiteIds, ...karateIds.slice(0, 3)],
      limit: 50,
    });
    expect(canvas.body.nodes).toBe(3);
    expect(canvas.body.results.every((result) => karateIds.includes(result.node.id))).toBe(true);
    for (const route of ['/api/analysis/connect', '/api/analysis/common-neighbours']) {
      const elsewhere = await call<{ detail: string }>('POST', `${route}?dataset=karate`, { ids: [kiteId(0), kiteId(1)] });
      expect(elsewhere.status, route).toBe(404);
      expect(elsewhere.body.detail).toMatch(/person:kite-/);
      const within = await call('POST', `${route}?dataset=kite`, { ids: [kiteId(0), kiteId(1)] });
      expect(within.status, route).toBe(200);
    }
    const unknown = await call<{ status: number; title: string }>('GET', '/api/analysis/brokers?dataset=nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 404, title: 'Unknown dataset' });
  });

  it('reads a weight property as tie length, a tie without it as 1, and refuses a weight no tie holds', async () => {
    const unweighted = await call<CentralityAnswer>('POST', '/api/analysis/centrality', { measure: 'betweenness', ids: kiteIds, limit: 10 });
    const missing = await call<{ status: number; title: string; detail: string }>('POST', '/api/analysis/centrality', {
      measure: 'betweenness',
      ids: kiteIds,
      limit: 10,
      weight: 'nothing',
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ title: 'Unknown weight', detail: expect.stringContaining('No relationship analysed has a number in "nothing".') });
    // Lengthen Heather's tie to Ike: it stays the only way to the tail, so her betweenness is unchanged, but lengthen
    // Fernando–Heather too and paths to the tail go round through Garth. The other ties have no length: they count 1.
    await db.driver.executeQuery(
      'MATCH (a:Entity)-[r:KNOWS]-(b:Entity) WHERE a.id = $fernando AND b.id = $heather SET r.length = 5',
      { fernando: kiteId(5), heather: kiteId(7) },
      { database: db.name },
    );
    const weighted = await call<CentralityAnswer>('POST', '/api/analysis/centrality', { measure: 'betweenness', ids: kiteIds, limit: 10, weight: 'length' });
    const score = (answer: { body: CentralityAnswer }, v: number) => answer.body.results.find((result) => result.node.id === kiteId(v))!.score;
    expect(score(weighted, 6)).toBeGreaterThan(score(unweighted, 6));
    expect(score(weighted, 5)).toBeLessThan(score(unweighted, 5));
    const misspelt = await call<{ status: number; detail: string }>('POST', '/api/analysis/centrality', {
      measure: 'betweenness',
      ids: kiteIds,
      weight: 'Length',
    });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.detail).toContain('did you mean "length"?');
  });
});

describe('a computation whose client goes away', () => {
  interface Status {
    running: { kind: string } | null;
    queued: number;
    workersStarted: number;
  }

  beforeAll(async () => {
    // Random enough that a greedy search for 50 key players takes seconds, long enough to be caught running.
    const n = 3000;
    await loadDataset(
      db,
      networkDataset(
        'tangle',
        randomTies(n, 12_000, 7).filter(([a, b]) => a !== b),
        (v) => `person:tangle-${v}`,
        (v) => `Tangle ${v}`,
        n,
      ),
      'tangle',
    );
  });

  async function until(condition: (status: Status) => boolean): Promise<Status> {
    for (;;) {
      const { body } = await call<Status>('GET', '/api/analysis/status');
      if (condition(body)) return body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('is stopped on the server: the worker is replaced and answers the next request', async () => {
    const client = new AbortController();
    const asked = fetch(`${app.base}/api/analysis/key-players?dataset=tangle&k=50`, { signal: client.signal });
    let answered = false;
    asked.then(() => (answered = true)).catch(() => undefined);
    const running = await until((status) => status.running?.kind === 'keyPlayers' || answered);
    expect(answered).toBe(false);
    client.abort();
    await expect(asked).rejects.toThrow();
    await until((status) => status.running === null);
    const next = await call<CentralityAnswer>('GET', '/api/analysis/centrality?measure=degree&dataset=tangle&limit=1');
    expect(next.status).toBe(200);
    expect(next.body.nodes).toBe(3000);
    // A new worker answered: the old one was terminated mid-computation (a finished one would have been kept).
    expect((await call<Status>('GET', '/api/analysis/status')).body.workersStarted).toBe(running.workersStarted + 1);
  });
});

describe('the analysis time limit (NEXO_ANALYSIS_TIMEOUT_MS)', () => {
  it('stops a computation that passes it and answers 504 saying so', async () => {
    // A limit of 1 ms: the fresh app's worker has not even started by then.
    const impatient = await startApp(db, { QUERY_TIMEOUT_MS: '30000' }, { analysisTimeoutMs: 1 });
    try {
      const response = await fetch(`${impatient.base}/api/analysis/centrality?measure=betweenness&dataset=kite`);
      expect(response.status).toBe(504);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await response.json()) as { title: string; detail: string };
      expect(body.title).toBe('Analysis time limit');
      expect(body.detail).toMatch(/NEXO_ANALYSIS_TIMEOUT_MS/);
      const status = (await (await fetch(`${impatient.base}/api/analysis/status`)).json()) as { running: unknown; queued: number };
      expect(status).toMatchObject({ running: null, queued: 0 });
    } finally {
      await impatient.close();
    }
  });
});

describe('errors', () => {
  it('answers 404 when the entity to explain is not in the graph', async () => {
    const { status, body } = await call<{ type: string; detail: string }>('GET', '/api/analysis/why-central?id=person:nobody');
    expect(status).toBe(404);
    expect(body.detail).toMatch(/person:nobody/);
  });

  it('answers 400 when connect gets fewer than two actors', async () => {
    const { status, body } = await call<{ detail: string }>('POST', '/api/analysis/connect', { ids: [HUB_ID, HUB_ID] });
    expect(status).toBe(400);
    expect(body.detail).toMatch(/ids/);
  });
});

describe('the datasets analysed', () => {
  const triangleId = (v: number) => `person:triangle-${v}`;
  const nodeCount = async () => (await call<CentralityAnswer>('GET', '/api/analysis/centrality?measure=degree&limit=1')).body.nodes;

  it('leaves out a dataset still being written, and drops a deleted one from the cached projection', async () => {
    const before = await nodeCount();
    await loadDataset(
      db,
      networkDataset(
        'triangle',
        [
          [0, 1],
          [1, 2],
          [0, 2],
        ],
        triangleId,
        (v) => `Corner ${v}`,
        3,
      ),
      'triangle',
    );
    expect(await nodeCount()).toBe(before + 3);
    // As an import in progress leaves it: the record says "loading", so reads do not see its rows; no count changes.
    // The flips are made behind the server's back, as the import command beside it does: the server notices such a
    // change within its list's second of cache (datasets.service.ts), so here it is told at once instead of waited for.
    await db.driver.executeQuery("MATCH (d:__NexoDataset {id: 'triangle'}) SET d.status = 'loading'", {}, { database: db.name });
    forgetCompleteDatasets(db);
    expect(await nodeCount()).toBe(before);
    await db.driver.executeQuery("MATCH (d:__NexoDataset {id: 'triangle'}) SET d.status = 'complete'", {}, { database: db.name });
    forgetCompleteDatasets(db);
    expect(await nodeCount()).toBe(before + 3);
    await deleteDataset(db, 'triangle');
    expect(await nodeCount()).toBe(before);
  });
});
