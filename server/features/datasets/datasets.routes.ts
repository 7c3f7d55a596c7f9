import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { AppError } from '../../errors.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { datasetIdSchema, datasetSchema, deleteDataset, listDatasets } from './datasets.service.js';

/** GET /api/datasets and DELETE /api/datasets/:id. */
export function datasetsRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/datasets',
      summary: 'List the datasets (investigations) in the graph',
      description: 'Every complete dataset with its node and relationship counts; an import still running is not listed.',
      tags: ['datasets'],
      response: z.object({ datasets: z.array(datasetSchema) }),
      errors: { 503: 'Neo4j unavailable' },
      handler: () => listDatasets(context.db, context.config.queryTimeoutMs),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/datasets/:id',
      summary: 'Delete one dataset',
      description: 'Removes exactly this dataset: its entities, its relationships and its record. Requires credentials when the server has them.',
      tags: ['datasets'],
      params: z.object({ id: datasetIdSchema.describe('The dataset id, as listed by GET /api/datasets') }),
      response: z.object({ deleted: z.string() }),
      errors: { 401: 'Credentials required', 404: 'Unknown dataset', 503: 'Neo4j unavailable' },
      handler: async ({ params }) => {
        if (!(await deleteDataset(context.db, params.id))) {
          throw new AppError(404, 'Unknown dataset', `No dataset has the id "${params.id}".`, 'unknown-dataset', { dataset: params.id });
        }
        return { deleted: params.id };
      },
    }),
  ];
}
