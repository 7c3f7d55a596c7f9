import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { AppError } from '../../errors.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { datasetIdSchema, forgetCompleteDatasets, listDatasets } from '../datasets/datasets.service.js';
import { captionOverridesSchema, labelChoices, saveCaptionOverrides } from './captions.service.js';
import { storeSearchCaptions } from './searchCaptions.js';

const captionsSchema = z.object({
  dataset: z.string(),
  labels: z.array(
    z.object({
      label: z.string(),
      properties: z.array(z.string()).describe("The properties this label's nodes have (Nexo's own keys left out)"),
      automatic: z.array(z.string()).describe('The properties Nexo picked from the data, joined by a space; empty: name, then the id'),
      override: z.array(z.string()).nullable().describe('The properties chosen in the UI, or null for the picked ones'),
    }),
  ),
});

/** GET and PUT /api/datasets/:id/captions: which properties name each label's nodes in one dataset. */
export function captionsRoutes(context: AppContext): AnyRoute[] {
  const { db, config } = context;
  const params = z.object({ id: datasetIdSchema.describe('The dataset id, as listed by GET /api/datasets') });
  const findDataset = async (id: string) => {
    const dataset = (await listDatasets(db, config.queryTimeoutMs)).datasets.find((candidate) => candidate.id === id);
    if (!dataset) throw new AppError(404, 'Unknown dataset', `No dataset has the id "${id}".`, 'unknown-dataset', { dataset: id });
    return dataset;
  };
  const answer = async (dataset: { id: string; importedAt: string }, overrides: Record<string, string[]>) => ({
    dataset: dataset.id,
    labels: (await labelChoices(db, dataset, config.queryTimeoutMs)).map((label) => ({ ...label, override: overrides[label.label] ?? null })),
  });
  return [
    defineRoute({
      method: 'get',
      path: '/api/datasets/:id/captions',
      summary: "A dataset's captions per label",
      description: 'For each label of the dataset: its properties, the ones Nexo picked from the data to name its nodes, and the ones chosen in the UI.',
      tags: ['datasets'],
      params,
      response: captionsSchema,
      errors: { 404: 'Unknown dataset', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ params: { id } }) => {
        const dataset = await findDataset(id);
        return answer(dataset, dataset.captionOverrides);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/datasets/:id/captions',
      summary: "Choose a dataset's captions",
      description:
        'Replaces the caption choices of the dataset: per label, one to three of its properties (joined by a space) name its nodes everywhere; ' +
        'a label left out or given [] goes back to the picked caption. Saved on the dataset, and search finds the nodes by their new captions ' +
        'once this answers (each node is rewritten, in batches); requires credentials when the server has them.',
      tags: ['datasets'],
      params,
      body: z.strictObject({ captions: captionOverridesSchema }),
      response: captionsSchema,
      errors: { 401: 'Credentials required', 404: 'Unknown dataset', 422: 'A label the dataset lacks, or a property its nodes lack', 503: 'Neo4j unavailable' },
      handler: async ({ params: { id }, body }) => {
        const dataset = await findDataset(id);
        const saved = await saveCaptionOverrides(db, dataset, body.captions, config.queryTimeoutMs);
        forgetCompleteDatasets(db);
        await storeSearchCaptions(db, id, config.queryTimeoutMs);
        return answer(dataset, saved);
      },
    }),
  ];
}
