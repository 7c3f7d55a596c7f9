import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { graphSchema } from '../../neo4j/graph.js';
import { commaSeparatedNames, datasetParameter } from '../../http/listParameter.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { ALL_SHORTEST_CAP, DEFAULT_K, DEFAULT_MAX_HOPS, findPaths, MAX_HOPS, MAX_K, PATH_MODES } from './paths.service.js';

const pathsQuery = z
  .object({
    from: z.string().min(1).max(500).describe('Id of the entity the paths start from, e.g. person:abimael-guzman'),
    to: z.string().min(1).max(500).describe('Id of the entity the paths end at'),
    maxHops: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_HOPS)
      .default(DEFAULT_MAX_HOPS)
      .describe(`Longest path considered, in relationships, 1 to ${MAX_HOPS} (default ${DEFAULT_MAX_HOPS})`),
    types: commaSeparatedNames('Comma-separated relationship types to follow, e.g. LEADER_OF,FINANCED (default: all)'),
    directed: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .describe('true: follow relationships only in their stored direction, from → to (default false)'),
    mode: z
      .enum(PATH_MODES)
      .default('shortest')
      .describe(
        `shortest: one path; all-shortest: every path of the minimum length (at most ${ALL_SHORTEST_CAP}); ` +
          'k-shortest: the k shortest paths that pass no entity twice, shortest first',
      ),
    dataset: datasetParameter(),
    k: z.coerce.number().int().min(1).max(MAX_K).default(DEFAULT_K).describe(`How many paths k-shortest returns, 1 to ${MAX_K} (default ${DEFAULT_K})`),
    excludeIds: commaSeparatedNames('Comma-separated ids of entities no path may pass through, e.g. location:peru (default: none; never from or to)'),
    excludeLabels: commaSeparatedNames('Comma-separated labels whose entities no path may pass through, e.g. Location (default: none; from and to excepted)'),
    excludeTypes: commaSeparatedNames('Comma-separated relationship types no path may use (default: none)'),
  })
  .refine((query) => query.from !== query.to, { path: ['to'], message: 'must differ from "from"' });

const pathsResponse = z.object({
  paths: z.array(graphSchema).describe('Each path with nodes and edges in order from "from" to "to"; edge i joins nodes i and i+1'),
  truncated: z.boolean().describe(`true when all-shortest found more than ${ALL_SHORTEST_CAP} paths and returned the first ${ALL_SHORTEST_CAP}`),
  connected: z
    .boolean()
    .describe(
      'false when the two entities are in different connected components (no path of any length, type or direction); true when paths were found or a longer or other one exists',
    ),
});

/** GET /api/paths: how two entities are connected. */
export function pathsRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/paths',
      summary: 'Shortest paths between two entities',
      description:
        'Edges keep their stored direction in source/target, so a hop walked against it has source = nodes[i + 1]. ' +
        'No path within maxHops gives { paths: [] }, with connected: false when no path of any length joins the two.',
      tags: ['explore'],
      query: pathsQuery,
      response: pathsResponse,
      errors: {
        400: 'Invalid parameter, an unknown label or type to exclude, or from or to among excludeIds',
        404: 'from or to is not a known entity id (in the chosen datasets), or unknown dataset',
        429: 'Too many path requests from this client in the last minute',
        503: 'Neo4j unavailable',
        504: 'Query timeout',
      },
      handler: async ({ query }) =>
        findPaths(
          context.db,
          { ...query, datasets: await visibleDatasets(context.db, query.dataset, context.config.queryTimeoutMs) },
          context.config.queryTimeoutMs,
        ),
    }),
  ];
}
