import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { datasetParameter } from '../../http/listParameter.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { visibleDatasets } from '../datasets/datasets.service.js';
import { getDatasetSchema, getSchema, type SchemaSummary } from './schema.service.js';

const schemaResponse = z.object({
  labels: z.array(z.object({ name: z.string(), count: z.number(), propertyKeys: z.array(z.string()) })),
  relationshipTypes: z.array(z.object({ name: z.string(), count: z.number() })),
});

/** GET /api/schema: what the graph holds, for legends, filters and the allow-list the other routes check. */
export function schemaRoutes(context: AppContext): AnyRoute[] {
  const timeoutMs = context.config.queryTimeoutMs;
  return [
    defineRoute({
      method: 'get',
      path: '/api/schema',
      summary: 'Labels with node counts and property keys, relationship types with counts',
      description:
        'Without `dataset`, counts come from the count store and may be up to 5 seconds old, property keys sampled per label. ' +
        "With `dataset`, every label and type of the database is listed (a label keeps its look whichever datasets are chosen) with its count within those datasets (0 for another dataset's), property keys sampled there; read again after a load, import or deletion by this server, else at most a minute old.",
      tags: ['schema'],
      query: z.object({ dataset: datasetParameter() }),
      response: schemaResponse,
      errors: { 404: 'Unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ query }): Promise<SchemaSummary> => {
        if (query.dataset.length === 0) return getSchema(context.db, timeoutMs);
        const datasets = [...new Set(await visibleDatasets(context.db, query.dataset, timeoutMs))].sort();
        return getDatasetSchema(context.db, datasets, timeoutMs);
      },
    }),
  ];
}
