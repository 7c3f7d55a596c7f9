import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { nodeSchema } from '../../neo4j/graph.js';
import { commaSeparatedNames, datasetParameter } from '../../http/listParameter.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { searchEntities } from './search.service.js';

const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .describe('Words to find in names, aliases and standard spellings (searchNames); accents and case are ignored'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('How many results, 1 to 50 (default 10)'),
  labels: commaSeparatedNames('Comma-separated labels to keep, e.g. Person,Organization (default: all)'),
  dataset: datasetParameter(),
});

/** GET /api/search: full-text search over entity names, aliases and searchNames. */
export function searchRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Find entities by name or alias',
      description:
        'Ranked by relevance: an exact name or alias first, then names matching more of the words. Tolerates missing accents, ' +
        'other case, word prefixes ("dirand") and one typo per word of four letters or more ("guzmn").',
      tags: ['explore'],
      query: searchQuery,
      response: z.object({
        results: z.array(
          nodeSchema.extend({
            hint: z
              .string()
              .nullable()
              .describe('A line that tells namesakes apart: the first clause of the description, or else the strongest link, e.g. "leader of Shining Path"'),
          }),
        ),
      }),
      errors: { 404: 'Unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ query }) =>
        searchEntities(
          context.db,
          { ...query, datasets: await visibleDatasets(context.db, query.dataset, context.config.queryTimeoutMs) },
          context.config.queryTimeoutMs,
        ),
    }),
  ];
}
