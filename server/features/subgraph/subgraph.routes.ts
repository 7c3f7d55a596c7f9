import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { graphSchema } from '../../neo4j/graph.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { datasetParameter } from '../../http/listParameter.js';
import { getSubgraph } from './subgraph.service.js';

/** The most ids one request may send: a drawing bigger than this is not readable anyway. */
const MAX_IDS = 2000;

/** POST /api/subgraph: the edges among nodes the client already shows. */
export function subgraphRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/subgraph',
      summary: 'The given entities and every relationship among them',
      description: `Send the ids of the nodes on screen (1 to ${MAX_IDS}); unknown ids are ignored.`,
      tags: ['explore'],
      query: z.object({ dataset: datasetParameter() }),
      body: z.object({ ids: z.array(z.string().min(1).max(500)).min(1).max(MAX_IDS) }),
      response: graphSchema,
      errors: { 404: 'Unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ body, query }) =>
        getSubgraph(context.db, body.ids, await visibleDatasets(context.db, query.dataset, context.config.queryTimeoutMs), context.config.queryTimeoutMs),
    }),
  ];
}
