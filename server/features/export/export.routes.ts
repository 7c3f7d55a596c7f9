import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { datasetParameter } from '../../http/listParameter.js';
import { datasetIdSchema, visibleDatasets } from '../datasets/datasets.service.js';
import { exportFile, exportFormatSchema, readExportNetwork, type ExportFile } from './export.service.js';

/** The most ids one canvas export may send, as for POST /api/subgraph. */
const MAX_IDS = 2000;

const CONTENT_TYPES = ['application/graphml+xml', 'application/gexf+xml', 'application/zip', 'application/x-ndjson'];

const FORMATS_TEXT =
  'graphml (typed keys, labels and types, per-edge direction), gexf (GEXF 1.3), edgelist (a ZIP of nodes.csv and ties.csv; refused when directed and undirected ties mix), ftm (FollowTheMoney JSON lines; undirected ties are written start → end)';

/**
 * Starts sending the file and returns: the request's time limit is for the database read, not for a slow client's
 * download. The body was produced once already (exportFile checks it whole), so after the headers only the connection
 * can fail, which ends the response.
 */
function sendFile(res: Response, file: ExportFile): { sent: string } {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.flushHeaders();
  pipeline(Readable.from(file.chunks()), res).catch(() => res.destroy());
  return { sent: file.filename };
}

/** GET /api/datasets/:id/export and POST /api/export: a dataset or the canvas as a file another tool (or Nexo) reads. */
export function exportRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/datasets/:id/export',
      summary: 'Download one dataset as GraphML, GEXF, edge-list CSV or FtM JSON lines',
      description: `Every entity and relationship of the dataset with the user's labels, types, directions and properties (Nexo's own keys left out), in a file \`npm run import\` reads back. Formats: ${FORMATS_TEXT}. 422 when the dataset cannot be written in that format without changing its meaning.`,
      tags: ['datasets'],
      params: z.object({ id: datasetIdSchema.describe('The dataset id, as listed by GET /api/datasets') }),
      query: z.object({ format: exportFormatSchema.describe('The file format') }),
      response: z.object({ sent: z.string() }),
      download: CONTENT_TYPES,
      errors: { 404: 'Unknown dataset', 422: 'Cannot export in this format', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ params, query }, _req, res) => {
        const [dataset] = await visibleDatasets(context.db, [params.id], context.config.queryTimeoutMs);
        const network = await readExportNetwork(context.db, { dataset: dataset! }, context.config.queryTimeoutMs);
        return sendFile(res, exportFile(network, query.format, dataset!));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/export',
      summary: 'Download the given entities (the canvas) and the relationships among them as a file',
      description: `Send the ids of the nodes on screen (1 to ${MAX_IDS}) and a format; unknown ids are left out. Formats: ${FORMATS_TEXT}.`,
      tags: ['explore'],
      query: z.object({ dataset: datasetParameter() }),
      body: z.object({ ids: z.array(z.string().min(1).max(500)).min(1).max(MAX_IDS), format: exportFormatSchema }),
      response: z.object({ sent: z.string() }),
      download: CONTENT_TYPES,
      errors: { 404: 'Unknown dataset', 422: 'Cannot export in this format', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: async ({ body, query }, _req, res) => {
        const datasets = await visibleDatasets(context.db, query.dataset, context.config.queryTimeoutMs);
        const network = await readExportNetwork(context.db, { ids: body.ids, datasets }, context.config.queryTimeoutMs);
        return sendFile(res, exportFile(network, body.format, 'nexo-canvas'));
      },
    }),
  ];
}
