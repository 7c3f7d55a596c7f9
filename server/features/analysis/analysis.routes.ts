import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, withinTimeLimit, type AnyRoute } from '../../http/route.js';
import { edgeSchema, nodeSchema } from '../../neo4j/graph.js';
import { timeLimits } from '../../neo4j/timeLimits.js';
import { commaSeparatedNames, datasetParameter } from '../../http/listParameter.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { AnalysisService, type ScopedRequest } from './analysis.service.js';
import { EXACT_WORK_LIMIT } from './engine/centrality.js';
import { MEASURES } from './engine/tasks.js';

/** Most entities a POST may name as its scope (the canvas) or as actors to connect. */
const MAX_IDS = 5000;
const MAX_LIMIT = 10_000;
const MAX_CONNECT_HOPS = 10;
const ANALYSIS_TIMEOUT_TEXT = 'Neo4j did not answer within the query time limit, or the computation passed NEXO_ANALYSIS_TIMEOUT_MS';

const idList = (max: number) =>
  z
    .array(z.string().min(1).max(500))
    .min(1)
    .max(max)
    .transform((ids) => [...new Set(ids)]);

const booleanParameter = (description: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .default(false)
    .transform((value) => value === true || value === 'true')
    .describe(description);

const limitParameter = (fallback: number, what: string) =>
  z.coerce.number().int().min(1).max(MAX_LIMIT).default(fallback).describe(`How many ${what} to return, 1 to ${MAX_LIMIT} (default ${fallback})`);

const weightParameter = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe(
    'A relationship property read as the weight of each tie (default: none, every tie counts 1); a length for betweenness and closeness, a strength for PageRank and eigenvector',
  );

const DEFAULTS_TEXT =
  'The network is projected as a simple undirected graph: parallel and reciprocal relationships between two entities are one tie, ' +
  'self-loops are dropped, and ties are unweighted unless `weight` names a property (merged ties keep the smallest weight). ' +
  `Betweenness and closeness are exact while nodes × (nodes + 2·ties) ≤ ${EXACT_WORK_LIMIT.toExponential(0)}; above that they are ` +
  'estimated from random pivots (Brandes–Pich), and the answer says exact: false with the number of pivots in sampleSize. ' +
  'GET analyses the whole graph; POST takes `ids` and analyses the subgraph among those entities (e.g. the canvas). ' +
  'Either way `dataset` (in the query string) keeps the analysis within those datasets (default: every dataset).';

/** The `dataset` query parameter of every analysis route, GET and POST alike (as POST /api/subgraph has it). */
const datasetQuery = { dataset: datasetParameter() };

const scopeBody = { ids: idList(MAX_IDS).describe(`The entities to analyse, 1 to ${MAX_IDS} ids; relationships among them are used, unknown ids ignored`) };

const centralityFields = {
  measure: z.enum(MEASURES).describe('degree, betweenness, closeness, pagerank or eigenvector'),
  directed: booleanParameter('true: keep relationship directions (default false: undirected)'),
  weight: weightParameter,
  limit: limitParameter(50, 'nodes'),
};

const groupSchema = z.object({ id: z.number(), size: z.number(), members: z.array(z.string()).describe('Entity ids, sorted') });

/** GET (whole graph, options in the query) and POST (given ids, options in the body) of one scoped analysis. */
function scopedRoutes<F extends z.ZodRawShape, R extends z.ZodType>(
  datasetsOf: (requested: string[]) => Promise<string[]>,
  timeLimitMs: number,
  spec: {
    path: string;
    summary: string;
    description: string;
    fields: F;
    response: R;
    errors?: Record<number, string>;
    handler: (request: z.infer<z.ZodObject<F>> & ScopedRequest) => Promise<z.infer<R>>;
  },
): AnyRoute[] {
  const errors = { 404: 'Unknown dataset', 503: 'Neo4j unavailable', 504: ANALYSIS_TIMEOUT_TEXT, ...spec.errors };
  const common = {
    summary: spec.summary,
    description: `${spec.description} ${DEFAULTS_TEXT}`,
    tags: ['analysis'],
    response: spec.response,
    errors,
    timeLimitMs,
  };
  return [
    defineRoute({
      method: 'get',
      path: spec.path,
      ...common,
      query: z.object({ ...spec.fields, ...datasetQuery }),
      handler: async ({ query, signal }) => {
        const { dataset, ...fields } = query as { dataset: string[] } & z.infer<z.ZodObject<F>>;
        const scope = { kind: 'graph' as const, datasets: await datasetsOf(dataset) };
        return spec.handler({ ...fields, scope, signal } as z.infer<z.ZodObject<F>> & ScopedRequest);
      },
    }),
    defineRoute({
      method: 'post',
      path: spec.path,
      ...common,
      query: z.object(datasetQuery),
      body: z.object({ ...spec.fields, ...scopeBody }),
      handler: async ({ body, query, signal }) => {
        const { ids, ...fields } = body as { ids: string[] } & z.infer<z.ZodObject<F>>;
        const scope = { kind: 'nodes' as const, ids, datasets: await datasetsOf((query as { dataset: string[] }).dataset) };
        return spec.handler({ ...fields, scope, signal } as z.infer<z.ZodObject<F>> & ScopedRequest);
      },
    }),
  ];
}

/** /api/analysis/*: centrality, groups, brokers and key players, connecting several actors, and why an actor is central. */
export function analysisRoutes(context: AppContext): AnyRoute[] {
  const { queryTimeoutMs, analysisTimeoutMs } = context.config;
  const databaseTimeLimitMs = timeLimits(queryTimeoutMs).routeMs;
  const analysis = new AnalysisService(context.db, { queryTimeoutMs, databaseTimeLimitMs, analysisTimeoutMs });
  const datasetsOf = (requested: string[]) => withinTimeLimit(visibleDatasets(context.db, requested, queryTimeoutMs), databaseTimeLimitMs);
  // The service answers 504 itself when the computation passes its limit; the route's limit is only a backstop.
  const timeLimitMs = analysisTimeoutMs + databaseTimeLimitMs;
  return [
    ...scopedRoutes(datasetsOf, timeLimitMs, {
      path: '/api/analysis/centrality',
      summary: 'Centrality scores, highest first',
      description:
        'Scores are normalised as NetworkX does by default: degree / (n − 1); betweenness (Brandes) over (n − 1)(n − 2)/2 ' +
        'pairs undirected, (n − 1)(n − 2) directed; closeness with the Wasserman–Faust correction for disconnected graphs; ' +
        'PageRank with α = 0.85; eigenvector scaled to unit Euclidean norm.',
      fields: centralityFields,
      response: z.object({
        measure: z.enum(MEASURES),
        exact: z.boolean().describe('false when betweenness or closeness was estimated from pivots'),
        sampleSize: z.number().describe('Sources the shortest-path measures started from: every node when exact, else the pivots'),
        nodes: z.number().describe('Nodes in the analysed graph'),
        results: z.array(z.object({ node: nodeSchema, score: z.number() })),
      }),
      errors: { 422: 'PageRank or eigenvector iteration did not converge' },
      handler: (request) => analysis.centrality({ ...request, weight: request.weight }),
    }),
    ...scopedRoutes(datasetsOf, timeLimitMs, {
      path: '/api/analysis/communities',
      summary: 'Louvain communities and their modularity',
      description: 'Louvain (resolution 1, a fixed random seed so the same graph gives the same answer) on the undirected graph; communities largest first.',
      fields: { weight: weightParameter, limit: limitParameter(50, 'communities') },
      response: z.object({
        algorithm: z.literal('louvain'),
        modularity: z.number().nullable().describe('Newman modularity of the partition; null when the scope has no ties (undefined there)'),
        count: z.number().describe('Communities found (all of them, not only those returned)'),
        communities: z.array(groupSchema),
      }),
      handler: (request) => analysis.communities(request),
    }),
    ...scopedRoutes(datasetsOf, timeLimitMs, {
      path: '/api/analysis/components',
      summary: 'Connected components, largest first',
      description: 'Components of the undirected graph; `of` asks which component given entities are in (two in different ones are not connected at all).',
      fields: {
        limit: limitParameter(50, 'components'),
        of: commaSeparatedNames('Comma-separated entity ids whose component number to return in componentOf'),
      },
      response: z.object({
        count: z.number(),
        components: z.array(groupSchema),
        componentOf: z.record(z.string(), z.number()).describe('Component number of each id in `of` (unknown ids left out)'),
      }),
      handler: (request) => analysis.components({ ...request, weight: undefined }),
    }),
    ...scopedRoutes(datasetsOf, timeLimitMs, {
      path: '/api/analysis/cores',
      summary: 'The k-core: entities with at least k neighbours inside it',
      description: 'Core numbers as NetworkX core_number on the undirected graph; default k is the degeneracy (the innermost core).',
      fields: {
        k: z.coerce.number().int().min(0).max(1_000_000).optional().describe('Which core (default: the innermost)'),
        limit: limitParameter(100, 'members'),
      },
      response: z.object({
        degeneracy: z.number().describe('The largest k with a non-empty k-core'),
        k: z.number(),
        size: z.number().describe('Entities in the k-core'),
        results: z.array(z.object({ node: nodeSchema, core: z.number() })).describe('Members, highest core number first'),
      }),
      handler: (request) => analysis.cores({ ...request, k: request.k, weight: undefined }),
    }),
    ...scopedRoutes(datasetsOf, timeLimitMs, {
      path: '/api/analysis/brokers',
      summary: 'Articulation points and bridges',
      description: 'Entities (articulation points) and ties (bridges) whose removal disconnects part of the undirected graph.',
      fields: { limit: limitParameter(100, 'articulation points and bridges') },
      response: z.object({
        articulationPoints: z.array(nodeSchema),
        articulationPointCount: z.number(),
        bridges: z.array(z.object({ source: z.string(), target: z.string() })),
        bridgeCount: z.number(),
      }),
      handler: (request) => analysis.brokers({ ...request, weight: undefined }),
    }),
    ...scopedRoutes(datasetsOf, timeLimitMs, {
      path: '/api/analysis/key-players',
      summary: 'The k actors whose removal fragments the network most (greedy)',
      description:
        'Fragmentation F = 1 − Σ s_k(s_k − 1) / (n(n − 1)) over component sizes s_k of the n remaining entities (Borgatti 2006); ' +
        'k times, the entity whose removal raises F most is removed. On large graphs only articulation points and the best-connected entities are tried.',
      fields: { k: z.coerce.number().int().min(1).max(50).default(5).describe('How many actors, 1 to 50 (default 5)') },
      response: z.object({
        k: z.number(),
        fragmentationBefore: z.number(),
        fragmentationAfter: z.number(),
        candidates: z.number().describe('Entities tried at each step'),
        players: z.array(z.object({ node: nodeSchema, fragmentation: z.number().describe('Fragmentation once this and the players before it are removed') })),
      }),
      handler: (request) => analysis.keyPlayers({ ...request, weight: undefined }),
    }),
    ...scopedRoutes(datasetsOf, timeLimitMs, {
      path: '/api/analysis/why-central',
      summary: 'Why an entity is central: the pairs whose shortest paths run through it',
      description:
        'Pairs (source, target) with paths = σ_st(v), the shortest paths through the entity, and share = σ_st(v)/σ_st, most paths first; ' +
        'betweenness is the sum of the shares, normalised as the centrality endpoint does. Each pair comes with one such path.',
      fields: {
        id: z.string().min(1).max(500).describe('The entity'),
        directed: booleanParameter('true: keep relationship directions (default false)'),
        weight: weightParameter,
        limit: limitParameter(20, 'pairs'),
      },
      response: z.object({
        node: nodeSchema,
        betweenness: z.number(),
        exact: z.boolean(),
        sampleSize: z.number(),
        pairs: z.array(
          z.object({
            source: nodeSchema,
            target: nodeSchema,
            paths: z.number(),
            share: z.number(),
            path: z.array(z.string()).describe('Entity ids from source through the entity to target'),
          }),
        ),
      }),
      errors: { 404: 'id is not an entity of the analysed graph, or unknown dataset' },
      handler: (request) => analysis.whyCentral(request),
    }),
    defineRoute({
      method: 'post',
      path: '/api/analysis/connect',
      summary: 'The smallest subgraph connecting several actors (approximate Steiner tree)',
      description:
        'Starting from the first id, the entity nearest the tree is joined by a shortest path of at most maxHops, until all are joined ' +
        '(Takahashi–Matsuyama, at most twice the smallest). Each tie comes with one relationship, one that carries a quote when there is one.',
      tags: ['analysis'],
      body: z.object({
        ids: idList(50).refine((ids) => ids.length >= 2, 'needs at least two distinct ids'),
        maxHops: z.number().int().min(1).max(MAX_CONNECT_HOPS).default(4).describe(`Longest path joining one actor, 1 to ${MAX_CONNECT_HOPS} (default 4)`),
      }),
      response: z.object({
        nodes: z.array(nodeSchema),
        edges: z.array(edgeSchema),
        links: z
          .array(z.object({ source: z.string(), target: z.string(), type: z.string(), quote: z.string().nullable() }))
          .describe('One line per tie, in joining order'),
        unreachable: z.array(z.string()).describe('Ids no path of at most maxHops joins to the others'),
      }),
      query: z.object(datasetQuery),
      errors: { 404: 'An id is not a known entity (of the chosen datasets), or unknown dataset', 503: 'Neo4j unavailable', 504: ANALYSIS_TIMEOUT_TEXT },
      timeLimitMs,
      handler: async ({ body, query, signal }) => analysis.connect({ ...body, datasets: await datasetsOf(query.dataset), signal }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/analysis/common-neighbours',
      summary: 'Entities linked to every one of the given actors',
      tags: ['analysis'],
      body: z.object({
        ids: idList(50).refine((ids) => ids.length >= 2, 'needs at least two distinct ids'),
        limit: limitParameter(100, 'entities'),
      }),
      response: z.object({ results: z.array(nodeSchema) }),
      query: z.object(datasetQuery),
      errors: { 404: 'An id is not a known entity (of the chosen datasets), or unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ body, query }) => analysis.commonNeighbours({ ...body, datasets: await datasetsOf(query.dataset) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/analysis/status',
      summary: 'What the analysis engine is computing now, and how far it got',
      description:
        'One computation runs at a time; `running` is it (null when idle), with `done` of `total` shortest-path sources for betweenness and closeness ' +
        '(null for measures that do not tell). The UI polls this while an analysis runs to show progress. A client that goes away before its ' +
        'answer stops its computation: a waiting one is dropped, the running one stopped by terminating the worker thread.',
      tags: ['analysis'],
      response: z.object({
        running: z
          .object({
            kind: z.string(),
            measure: z.string().nullable(),
            done: z.number().nullable(),
            total: z.number().nullable(),
            startedAt: z.number().describe('When it started, milliseconds since 1970'),
          })
          .nullable(),
        queued: z.number().describe('Computations waiting behind it'),
        workersStarted: z.number().describe('Worker threads started so far: one more after each cancelled computation'),
      }),
      handler: async () => analysis.status(),
    }),
  ];
}
