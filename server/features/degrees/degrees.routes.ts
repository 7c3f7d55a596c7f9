import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { nodeSchema } from '../../neo4j/graph.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { datasetParameter } from '../../http/listParameter.js';
import { getDegrees, getMostConnected } from './degrees.service.js';

const MAX_IDS = 2000;

/** Degrees for sizing nodes and the most connected entities for an empty canvas: cheap, so not rate-limited like the console. */
export function degreesRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/degrees',
      summary: 'How many relationships each given entity has in the database',
      description: `Send 1 to ${MAX_IDS} ids; unknown ids are left out of the answer.`,
      tags: ['explore'],
      query: z.object({ dataset: datasetParameter() }),
      body: z.object({ ids: z.array(z.string().min(1).max(500)).min(1).max(MAX_IDS) }),
      response: z.object({ degrees: z.record(z.string(), z.number()) }),
      errors: { 404: 'Unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ body, query }) => ({
        degrees: await getDegrees(
          context.db,
          body.ids,
          await visibleDatasets(context.db, query.dataset, context.config.queryTimeoutMs),
          context.config.queryTimeoutMs,
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/most-connected',
      summary: 'The entities with the most relationships, highest first',
      tags: ['explore'],
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(10).describe('How many (1 to 100, default 10)'),
        dataset: datasetParameter(),
      }),
      response: z.object({
        results: z.array(z.object({ node: nodeSchema, degree: z.number(), dataset: z.string().describe('The id of the dataset the entity belongs to') })),
      }),
      errors: { 404: 'Unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ query }) => ({
        results: await getMostConnected(
          context.db,
          query.limit,
          await visibleDatasets(context.db, query.dataset, context.config.queryTimeoutMs),
          context.config.queryTimeoutMs,
        ),
      }),
    }),
  ];
}
