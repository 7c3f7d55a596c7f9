import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { edgeSchema, nodeSchema } from '../../neo4j/graph.js';
import { nodeIdParams } from '../nodes/nodes.routes.js';
import { commaSeparatedNames, datasetParameter } from '../../http/listParameter.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { COUNT_AHEAD, directions, getNeighbours } from './neighbours.service.js';

const neighboursQuery = z.object({
  types: commaSeparatedNames('Comma-separated relationship types to follow (default: all)'),
  direction: z.enum(directions).default('both').describe('out: relationships from the node; in: to it; both (default)'),
  labels: commaSeparatedNames('Comma-separated labels a neighbour must have one of (default: all)'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Relationships per page, 1 to 500 (default 50)'),
  skip: z.coerce.number().int().min(0).default(0).describe('Relationships to skip, for the next pages (default 0)'),
  dataset: datasetParameter(),
});

/** GET /api/nodes/:id/neighbours: a node's neighbourhood, one page at a time. */
export function neighboursRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/nodes/:id/neighbours',
      summary: "A page of a node's relationships with the neighbours at their other ends",
      description:
        "Paged by relationship, in the order Neo4j reads them (stable while the graph is unchanged), so a hub's first " +
        'page costs a page, not its whole degree; within a page, neighbours come once each, by name then id. A neighbour ' +
        'linked several ways comes with the page of each of its links. total counts the matching relationships up to ' +
        `${COUNT_AHEAD} past the page: totalExact false means there are more than total. counts lists all the node's ` +
        'relationships by type and direction, unfiltered and exact.',
      tags: ['explore'],
      params: nodeIdParams,
      query: neighboursQuery,
      response: z.object({
        nodes: z.array(nodeSchema),
        edges: z.array(edgeSchema),
        total: z.number(),
        totalExact: z.boolean(),
        counts: z.array(z.object({ type: z.string(), direction: z.enum(['in', 'out']), count: z.number() })),
      }),
      errors: { 404: 'No entity has this id (in the chosen datasets), or unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ params, query }) =>
        getNeighbours(
          context.db,
          params.id,
          { ...query, datasets: await visibleDatasets(context.db, query.dataset, context.config.queryTimeoutMs) },
          context.config.queryTimeoutMs,
        ),
    }),
  ];
}
