import libraryBetweenness from 'graphology-metrics/centrality/betweenness.js';
import libraryCloseness from 'graphology-metrics/centrality/closeness.js';
import { describe, expect, it } from 'vitest';
import {
  betweennessCentrality,
  chooseSources,
  closenessCentrality,
  degreeCentrality,
  MIN_PIVOTS,
  rawBetweenness,
  SAMPLED_WORK,
  sourceCount,
} from './centrality.js';
import { buildCsr, tieCount } from './csr.js';
import libraryPagerank from 'graphology-metrics/centrality/pagerank.js';
import libraryEigenvector from 'graphology-metrics/centrality/eigenvector.js';
import { eigenvectorCentrality } from './eigenvector.js';
import { louvainCommunities, toGraphology } from './library.js';
import { pageRankCentrality } from './pageRank.js';
import { csrOf, edgeList, karateTies, KITE_NAMES, KITE_TIES, randomTies, referenceBetweenness, referenceCloseness } from './testGraphs.js';

const TOLERANCE = 1e-6;

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = TOLERANCE): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Math.abs(actual[i]! - expected[i]!) > tolerance) throw new Error(`score ${i}: ${actual[i]} is not within ${tolerance} of ${expected[i]}`);
  }
}

const byName = (scores: Float64Array) => Object.fromEntries(KITE_NAMES.map((name, v) => [name, scores[v]!]));

describe("Krackhardt's kite, against the values Krackhardt (1990) published", () => {
  const kite = csrOf(10, KITE_TIES);

  it('gives degree as ties / (n − 1)', () => {
    // Published degrees: Diane 6; Fernando, Garth 5; Andre, Beverly 4; Carol, Ed, Heather 3; Ike 2; Jane 1.
    const degrees = { Andre: 4, Beverly: 4, Carol: 3, Diane: 6, Ed: 3, Fernando: 5, Garth: 5, Heather: 3, Ike: 2, Jane: 1 };
    const scores = byName(degreeCentrality(kite).scores);
    for (const [name, degree] of Object.entries(degrees)) expect(scores[name]).toBeCloseTo(degree / 9, 9);
  });

  it('gives betweenness as the published pair counts over (n − 1)(n − 2)/2 = 36', () => {
    // Published (unnormalised): Heather 14, Fernando and Garth 8.33, Ike 8, Diane 3.67, Andre and Beverly 0.83.
    const published = { Andre: 5 / 6, Beverly: 5 / 6, Carol: 0, Diane: 11 / 3, Ed: 0, Fernando: 25 / 3, Garth: 25 / 3, Heather: 14, Ike: 8, Jane: 0 };
    const scores = byName(betweennessCentrality(kite).scores);
    for (const [name, pairs] of Object.entries(published)) expect(Math.abs(scores[name]! - pairs / 36)).toBeLessThan(TOLERANCE);
    // The figures NetworkX prints for the kite.
    expect(Math.abs(scores.Heather! - 0.388889)).toBeLessThan(1e-6);
    expect(Math.abs(scores.Fernando! - 0.231481)).toBeLessThan(1e-6);
    expect(Math.abs(scores.Ike! - 0.222222)).toBeLessThan(1e-6);
  });

  it('gives closeness as (n − 1) / total distance', () => {
    const totalDistance = { Andre: 17, Beverly: 17, Carol: 18, Diane: 15, Ed: 18, Fernando: 14, Garth: 14, Heather: 15, Ike: 21, Jane: 29 };
    const scores = byName(closenessCentrality(kite).scores);
    for (const [name, total] of Object.entries(totalDistance)) expect(Math.abs(scores[name]! - 9 / total)).toBeLessThan(TOLERANCE);
  });
});

describe("Zachary's karate club", () => {
  const ties = karateTies();
  const karate = csrOf(34, ties);

  it('has the 34 members and 78 ties of the published network', () => {
    expect(karate.n).toBe(34);
    expect(tieCount(karate)).toBe(78);
  });

  it('gives betweenness and closeness equal to their definitions for every member', () => {
    expectClose(betweennessCentrality(karate).scores, referenceBetweenness(34, ties));
    expectClose(closenessCentrality(karate).scores, referenceCloseness(34, ties));
    // The instructor (0) and the president (33), as NetworkX gives them.
    const betweenness = betweennessCentrality(karate).scores;
    expect(Math.abs(betweenness[0]! - 0.437635)).toBeLessThan(1e-6);
    expect(Math.abs(betweenness[33]! - 0.304075)).toBeLessThan(1e-6);
  });

  it('gives PageRank summing to 1 and eigenvector scores of unit norm, as NetworkX reports them', () => {
    const pagerank = pageRankCentrality(karate);
    expect(pagerank.reduce((sum, x) => sum + x, 0)).toBeCloseTo(1, 9);
    expect(Math.abs(pagerank[33]! - 0.100918)).toBeLessThan(1e-5);
    expect(Math.abs(pagerank[0]! - 0.097002)).toBeLessThan(1e-5);
    const eigenvector = eigenvectorCentrality(karate);
    expect(Math.hypot(...eigenvector)).toBeCloseTo(1, 9);
    expect(Math.abs(eigenvector[33]! - 0.373371)).toBeLessThan(1e-4);
    expect(Math.abs(eigenvector[0]! - 0.355483)).toBeLessThan(1e-4);
  });

  it('splits into Louvain communities of modularity at least 0.41', () => {
    const { modularity, count, community } = louvainCommunities(karate, toGraphology(karate));
    expect(modularity).toBeGreaterThanOrEqual(0.41);
    expect(count).toBeGreaterThan(1);
    expect(new Set(community).size).toBe(count);
  });

  it('gives no modularity for nodes without ties, where it is undefined (m = 0), not NaN', () => {
    const isolated = csrOf(3, []);
    const { modularity, count } = louvainCommunities(isolated, toGraphology(isolated));
    expect(modularity).toBeNull();
    expect(count).toBe(3);
  });
});

describe('a disconnected graph', () => {
  // A path 0–1–2, a pair 3–4, and 5 alone: n = 6.
  const ties: [number, number][] = [
    [0, 1],
    [1, 2],
    [3, 4],
  ];
  const graph = csrOf(6, ties);

  it('scales closeness by the share of nodes reached (Wasserman–Faust)', () => {
    // 1 reaches 2 nodes at distance 1: (2/2)·(2/5); 0 reaches 2 at total distance 3: (2/3)·(2/5); 3 reaches 1: (1/1)·(1/5).
    expectClose(closenessCentrality(graph).scores, [(2 / 3) * (2 / 5), 2 / 5, (2 / 3) * (2 / 5), 1 / 5, 1 / 5, 0]);
    expectClose(closenessCentrality(graph).scores, referenceCloseness(6, ties));
  });

  it('counts only pairs that are connected in betweenness', () => {
    // Only 0–2 runs through 1: 1 pair over (5·4)/2 = 10.
    expectClose(betweennessCentrality(graph).scores, [0, 1 / 10, 0, 0, 0, 0]);
  });
});

describe('directed graphs', () => {
  // 0 → 1 → 2 → 3, and 0 → 2.
  const ties: [number, number][] = [
    [0, 1],
    [1, 2],
    [2, 3],
    [0, 2],
  ];
  const graph = csrOf(4, ties, true);

  it('counts in- and out-ties in degree', () => {
    expectClose(degreeCentrality(graph).scores, [2 / 3, 2 / 3, 3 / 3, 1 / 3]);
  });

  it('counts ordered pairs over (n − 1)(n − 2) in betweenness', () => {
    // 0→3 runs only through 2 (0→2→3); 1→3 through 2; 0→2 is direct, so 1 carries nothing: 2 has 2 of 6 pairs.
    expectClose(betweennessCentrality(graph).scores, [0, 0, 2 / 6, 0]);
    expectClose(betweennessCentrality(graph).scores, referenceBetweenness(4, ties, true));
  });

  it('uses distances into a node for closeness', () => {
    // Into 3: from 2 (1), 1 (2), 0 (2): (3/5)·(3/3). Into 2: from 1 (1), 0 (1): (2/2)·(2/3). Into 1: from 0: (1/1)·(1/3).
    expectClose(closenessCentrality(graph).scores, [0, 1 / 3, 2 / 3, 3 / 5]);
  });

  it('merges reciprocal relationships into one tie only when undirected', () => {
    const reciprocal = edgeList(2, [
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(tieCount(buildCsr(reciprocal, false))).toBe(1);
    expect(tieCount(buildCsr(reciprocal, true))).toBe(2);
  });
});

describe('weighted graphs (weights are lengths)', () => {
  // A triangle whose direct tie 0–2 (length 3) is longer than the way round through 1 (1 + 1).
  const ties: [number, number][] = [
    [0, 1],
    [1, 2],
    [0, 2],
  ];

  it('routes shortest paths by total length', () => {
    expectClose(betweennessCentrality(csrOf(3, ties, false, [1, 1, 3])).scores, [0, 1, 0]);
    expectClose(betweennessCentrality(csrOf(3, ties, false, [1, 1, 2])).scores, [0, 0.5, 0]);
    // 0: d(1) = 1, d(2) = 2 → 2/3; 1: 1 + 1 → 1; 2: 2 + 1 → 2/3.
    expectClose(closenessCentrality(csrOf(3, ties, false, [1, 1, 3])).scores, [2 / 3, 1, 2 / 3]);
  });

  it('keeps the shortest of parallel relationships', () => {
    const parallel: [number, number][] = [...ties, [2, 0]];
    expectClose(betweennessCentrality(csrOf(3, parallel, false, [1, 1, 5, 1.5])).scores, [0, 0, 0]);
  });

  it('agrees with the definitions on a random weighted graph', () => {
    const random = randomTies(40, 90, 3);
    const weights = random.map((_, e) => 1 + (e % 4));
    expectClose(betweennessCentrality(csrOf(40, random, false, weights)).scores, referenceBetweenness(40, random, false, weights));
    expectClose(closenessCentrality(csrOf(40, random, true, weights)).scores, referenceCloseness(40, random, true, weights));
  });
});

describe('the typed-array Brandes pass against graphology-metrics', () => {
  it('gives the same betweenness and closeness on a random graph of 400 nodes', () => {
    const ties = randomTies(400, 1000, 11);
    const csr = csrOf(400, ties);
    const graph = toGraphology(csr);
    const betweenness = libraryBetweenness(graph, { normalized: true });
    const closeness = libraryCloseness(graph, { wassermanFaust: true });
    expectClose(
      betweennessCentrality(csr).scores,
      Array.from({ length: 400 }, (_, v) => betweenness[v]!),
      1e-9,
    );
    expectClose(
      closenessCentrality(csr).scores,
      Array.from({ length: 400 }, (_, v) => closeness[v]!),
      1e-9,
    );
  });

  // Graphs large enough that the search goes bottom-up and the accumulation pushes on their crowded middle levels.
  it('gives the same betweenness on a graph of several components and isolated nodes', () => {
    const ties = [...randomTies(400, 1100, 5), ...randomTies(20, 30, 6).map(([a, b]): [number, number] => [400 + a, 400 + b])];
    const csr = csrOf(450, ties);
    const betweenness = libraryBetweenness(toGraphology(csr), { normalized: true });
    expectClose(
      betweennessCentrality(csr).scores,
      Array.from({ length: 450 }, (_, v) => betweenness[v]!),
      1e-9,
    );
  });

  it('gives betweenness equal to its definition on a random directed graph', () => {
    const ties = randomTies(200, 700, 17);
    expectClose(betweennessCentrality(csrOf(200, ties, true)).scores, referenceBetweenness(200, ties, true), 1e-9);
  });
});

/** graphology-metrics' scores keyed by node number, as an array in node order. */
const asArray = (scores: Record<string, number>, n: number) => Array.from({ length: n }, (_, v) => scores[v]!);

describe('the CSR PageRank against graphology-metrics', () => {
  it('gives the same scores undirected, directed with dangling nodes, and weighted', () => {
    const ties = randomTies(300, 700, 13);
    for (const csr of [
      csrOf(300, ties),
      csrOf(300, ties, true),
      csrOf(
        300,
        ties,
        true,
        ties.map((_, e) => 1 + (e % 5)),
      ),
    ]) {
      const library = libraryPagerank(toGraphology(csr), { getEdgeWeight: csr.weights ? 'weight' : null });
      expectClose(pageRankCentrality(csr), asArray(library, 300), 1e-9);
    }
  });

  it('spreads the rank of a node without outgoing ties over every node', () => {
    // 0 → 1, and 1 points nowhere: PR(0) = (1 − α)/2 + α·PR(1)/2 with PR(0) + PR(1) = 1, so PR(0) = 0.5/1.425.
    const scores = pageRankCentrality(csrOf(2, [[0, 1]], true));
    expectClose(scores, [0.5 / 1.425, 1 - 0.5 / 1.425], 1e-5);
  });
});

describe('eigenvector centrality, the power iteration on A + I as NetworkX’s eigenvector_centrality', () => {
  it('gives graphology-metrics’ scores undirected, directed and weighted', () => {
    const ties = randomTies(300, 900, 19);
    for (const csr of [
      csrOf(300, ties),
      csrOf(300, ties, true),
      csrOf(
        300,
        ties,
        false,
        ties.map((_, e) => 1 + (e % 3)),
      ),
    ]) {
      const library = libraryEigenvector(toGraphology(csr), { getEdgeWeight: csr.weights ? 'weight' : null });
      expectClose(eigenvectorCentrality(csr), asArray(library, 300), 1e-9);
    }
  });

  it('converges on bipartite graphs, where x ← Ax would swing between the two sides, with NetworkX’s values', () => {
    // A star of 10 leaves: centre 1/√2, leaves 1/√20 (NetworkX: 0.707106…, 0.223607…).
    const star = eigenvectorCentrality(
      csrOf(
        11,
        Array.from({ length: 10 }, (_, leaf): [number, number] => [0, leaf + 1]),
      ),
    );
    expectClose(star, [Math.SQRT1_2, ...Array<number>(10).fill(1 / Math.sqrt(20))], 1e-5);
    // nx.eigenvector_centrality(nx.path_graph(6)).
    const path = eigenvectorCentrality(
      csrOf(
        6,
        [0, 1, 2, 3, 4].map((v): [number, number] => [v, v + 1]),
      ),
    );
    expectClose(path, [0.231922, 0.417907, 0.52112, 0.52112, 0.417907, 0.231922], 1e-5);
  });

  it('fails where NetworkX fails, saying so and what to try instead', () => {
    // nx.eigenvector_centrality(nx.star_graph(500)) raises PowerIterationFailedConvergence: with A + I the iteration
    // shrinks the error only by (√500 − 1)/(√500 + 1) ≈ 0.91 a round.
    const bigStar = csrOf(
      501,
      Array.from({ length: 500 }, (_, leaf): [number, number] => [0, leaf + 1]),
    );
    expect(() => eigenvectorCentrality(bigStar)).toThrow(/failed to converge.*NetworkX.*fails on this graph too.*Try PageRank/s);
  });
});

describe('sampled betweenness and closeness above the exact limit', () => {
  // Two random halves of 300 joined only by the tie 0–301, whose ends broker every pair across.
  const halves = [...randomTies(300, 900, 5), ...randomTies(300, 900, 6).map(([a, b]) => [a + 300, b + 300] as [number, number])];
  const csr = csrOf(600, [...halves, [0, 301]]);
  const exact = betweennessCentrality(csr);
  const sampled = betweennessCentrality(csr, 1);

  it('says it is not exact and how many pivots it used', () => {
    expect(exact).toMatchObject({ exact: true, sources: 600 });
    expect(sampled).toMatchObject({ exact: false, sources: MIN_PIVOTS });
    expect(closenessCentrality(csr, 1)).toMatchObject({ exact: false, sources: MIN_PIVOTS });
  });

  it('estimates the scores without bias in total and finds a broker as the most central node', () => {
    const total = (scores: Float64Array) => scores.reduce((sum, x) => sum + x, 0);
    expect(Math.abs(total(sampled.scores) - total(exact.scores)) / total(exact.scores)).toBeLessThan(0.15);
    const top = (scores: Float64Array) => scores.indexOf(Math.max(...scores));
    expect([0, 301]).toContain(top(exact.scores));
    expect([0, 301]).toContain(top(sampled.scores));
    const closeness = closenessCentrality(csr, 1).scores;
    const exactCloseness = closenessCentrality(csr).scores;
    expect(Math.abs(total(closeness) - total(exactCloseness)) / total(exactCloseness)).toBeLessThan(0.15);
  });

  it('gives the same estimate every time for a seed, and another for another seed', () => {
    expect(Array.from(betweennessCentrality(csr, 1).scores)).toEqual(Array.from(sampled.scores));
    expect(Array.from(betweennessCentrality(csr, 1, undefined, 9).scores)).not.toEqual(Array.from(sampled.scores));
    expect(Array.from(closenessCentrality(csr, 1, undefined, 9).scores)).toEqual(Array.from(closenessCentrality(csr, 1, undefined, 9).scores));
  });

  it('scales the pivots’ dependencies by n/k, as NetworkX’s betweenness_centrality(k=…)', () => {
    const pivots = chooseSources(600, MIN_PIVOTS, 9);
    expect(new Set(pivots).size).toBe(MIN_PIVOTS);
    const raw = rawBetweenness(csr, pivots);
    const expected = Array.from(raw, (value) => (value * (600 / MIN_PIVOTS)) / (599 * 598));
    expectClose(betweennessCentrality(csr, 1, undefined, 9).scores, expected, 1e-12);
  });

  it('uses as many pivots as the sampling budget pays for, at most n', () => {
    const perSource = csr.n + csr.targets.length;
    expect(sourceCount(csr, 1)).toBe(MIN_PIVOTS);
    expect(sourceCount(csr, 300 * perSource)).toBe(300);
    expect(sourceCount(csr, 600 * perSource)).toBe(600);
    expect(SAMPLED_WORK / perSource).toBeGreaterThan(600);
  });
});
