import { describe, expect, it } from 'vitest';
import { brokeredPairs } from './brokerage.js';
import { rawBetweenness } from './centrality.js';
import { AnalysisEngine } from './engine.js';
import { articulationPointsAndBridges, connectTerminals, connectedComponents, coreNumbers, fragmentation, greedyKeyPlayers } from './structure.js';
import { PreparedProjection, runTask } from './tasks.js';
import { allPairs, csrOf, edgeList, karateTies, KITE_TIES, randomTies } from './testGraphs.js';

const karate = csrOf(34, karateTies());
const kite = csrOf(10, KITE_TIES);

/** Components counted by removing things and searching again: the definition of a cut. */
function componentCount(n: number, ties: [number, number][], withoutNode = -1): number {
  const kept = ties.filter(([a, b]) => a !== withoutNode && b !== withoutNode);
  return connectedComponents(csrOf(n, kept)).sizes.length - (withoutNode >= 0 ? 1 : 0);
}

describe('components and cores', () => {
  it('numbers components by size and counts isolated nodes', () => {
    const { component, sizes } = connectedComponents(
      csrOf(7, [
        [0, 1],
        [2, 3],
        [3, 4],
        [4, 2],
      ]),
    );
    expect(sizes).toEqual([3, 2, 1, 1]);
    expect([component[2], component[3], component[4]]).toEqual([0, 0, 0]);
    expect(component[0]).toBe(component[1]);
  });

  it('gives the karate club core numbers whose k-cores each node has k neighbours in', () => {
    const core = coreNumbers(karate);
    expect(Math.max(...core)).toBe(4);
    for (let k = 1; k <= 4; k++) {
      const members = new Set([...core.keys()].filter((v) => core[v]! >= k));
      for (const v of members) {
        const inside = [...karate.targets.subarray(karate.offsets[v]!, karate.offsets[v + 1]!)].filter((w) => members.has(w)).length;
        expect(inside).toBeGreaterThanOrEqual(k);
      }
    }
  });
});

describe('articulation points and bridges', () => {
  it('finds exactly the nodes and ties whose removal adds a component, on the kite and a random graph', () => {
    for (const [n, ties] of [
      [10, KITE_TIES],
      [60, randomTies(60, 70, 9)],
    ] as const) {
      const { articulationPoints, bridges } = articulationPointsAndBridges(csrOf(n, [...ties]));
      const simpleTies = [...new Set(ties.filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`)))].map(
        (key) => key.split('-').map(Number) as [number, number],
      );
      const before = componentCount(n, simpleTies);
      const cuts = [...Array(n).keys()].filter((v) => componentCount(n, simpleTies, v) > before);
      expect(articulationPoints).toEqual(cuts);
      const cutTies = simpleTies.filter(
        (tie) =>
          componentCount(
            n,
            simpleTies.filter((other) => other !== tie),
          ) > before,
      );
      expect(bridges.map(([a, b]) => `${a}-${b}`).sort()).toEqual(cutTies.map(([a, b]) => `${a}-${b}`).sort());
    }
  });

  it('names Heather and Ike as the kite’s cut points, and Heather–Ike and Ike–Jane as its bridges', () => {
    expect(articulationPointsAndBridges(kite)).toEqual({
      articulationPoints: [7, 8],
      bridges: [
        [7, 8],
        [8, 9],
      ],
    });
  });
});

describe('key players', () => {
  it('measures fragmentation as the share of pairs that cannot reach each other', () => {
    // Components of 3 and 2 among 5 nodes: 1 − (3·2 + 2·1)/(5·4) = 0.6.
    expect(
      fragmentation(
        csrOf(5, [
          [0, 1],
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBeCloseTo(0.6, 12);
  });

  it('takes out the kite’s Heather first: she alone holds the tail on', () => {
    const { players, before, after } = greedyKeyPlayers(kite, 2);
    expect(before).toBe(0);
    expect(players[0]!.node).toBe(7);
    expect(after).toBe(players[1]!.fragmentation);
    expect(after).toBeGreaterThanOrEqual(players[0]!.fragmentation);
    // No other single removal fragments the kite more than Heather's.
    for (let v = 0; v < 10; v++) {
      const removed = new Uint8Array(10);
      removed[v] = 1;
      expect(fragmentation(kite, removed)).toBeLessThanOrEqual(players[0]!.fragmentation);
    }
  });
});

describe('connecting several actors', () => {
  it('joins terminals by shortest paths into a tree', () => {
    // Jane (9), Carol (2) and Ed (4) on the kite.
    const tree = connectTerminals(kite, [9, 2, 4], 6);
    expect(tree.unreachable).toEqual([]);
    expect(tree.ties.length).toBe(tree.nodes.length - 1);
    expect(tree.nodes).toEqual(expect.arrayContaining([9, 2, 4]));
    const { d } = allPairs(10, KITE_TIES, false);
    for (const [a, b] of tree.ties) expect(d[a]![b]).toBe(1);
    // Jane to Carol is 4 hops (Jane–Ike–Heather–Fernando–Carol), Ed then joins by 2 (e.g. Ed–Garth–Heather): 6 ties.
    expect(tree.ties.length).toBe(6);
  });

  it('leaves out terminals beyond maxHops', () => {
    expect(connectTerminals(kite, [9, 2], 3)).toEqual({ nodes: [9], ties: [], unreachable: [2] });
  });
});

describe('why a node is central', () => {
  it('lists pairs whose shares sum to the node’s raw betweenness, each with a shortest path through it', () => {
    const ties = karateTies();
    const { d } = allPairs(34, ties, false);
    const raw = rawBetweenness(
      karate,
      Int32Array.from({ length: 34 }, (_, v) => v),
    );
    const result = brokeredPairs(karate, 0, 1000);
    // rawBetweenness counts ordered pairs, brokeredPairs unordered ones.
    expect(result.rawBetweenness).toBeCloseTo(raw[0]! / 2, 9);
    expect(result.pairs.length).toBeGreaterThan(10);
    for (const pair of result.pairs) {
      expect(pair.path[0]).toBe(pair.source);
      expect(pair.path.at(-1)).toBe(pair.target);
      expect(pair.path).toContain(0);
      expect(pair.path.length - 1).toBe(d[pair.source]![pair.target]);
    }
    const counts = result.pairs.map((pair) => pair.pathsThrough);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('the worker thread', () => {
  it('gives the same answers as computing in-process', async () => {
    const ties = karateTies();
    const share = (values: number[]) => {
      const array = new Int32Array(new SharedArrayBuffer(values.length * 4));
      array.set(values);
      return array;
    };
    const edges = { n: 34, sources: share(ties.map(([a]) => a)), targets: share(ties.map(([, b]) => b)), weights: null };
    const engine = new AnalysisEngine();
    try {
      const task = { kind: 'centrality', measure: 'betweenness', directed: false } as const;
      const inWorker = await engine.run({ key: 'karate', edges }, task);
      const inProcess = runTask(new PreparedProjection(edgeList(34, ties)), task);
      expect(Array.from(inWorker.scores)).toEqual(Array.from(inProcess.scores));
      const communities = await engine.run({ key: 'karate', edges }, { kind: 'communities' });
      expect(communities.modularity).toBeGreaterThanOrEqual(0.41);
    } finally {
      await engine.close();
    }
  });
});
