import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { nodeSchema } from '../../neo4j/graph.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { datasetParameter } from '../../http/listParameter.js';
import { getNodeDetails } from './nodes.service.js';

/** A dataset id as it appears in a URL path, e.g. person:abimael-guzman. */
export const nodeIdParams = z.object({ id: z.string().min(1).max(500).describe('The entity id, e.g. person:abimael-guzman') });

/** GET /api/nodes/:id: one entity and how many relationships of each type it has. */
export function nodesRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/nodes/:id',
      summary: 'One entity with its relationship counts per type and direction',
      tags: ['explore'],
      params: nodeIdParams,
      query: z.object({ dataset: datasetParameter() }),
      response: z.object({
        node: nodeSchema,
        degree: z.record(z.string(), z.object({ in: z.number(), out: z.number() })),
      }),
      errors: { 404: 'No entity has this id (in the chosen datasets), or unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ params, query }) =>
        getNodeDetails(context.db, params.id, await visibleDatasets(context.db, query.dataset, context.config.queryTimeoutMs), context.config.queryTimeoutMs),
    }),
  ];
}
