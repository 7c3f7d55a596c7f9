import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { datasetIdSchema } from '../datasets/datasets.service.js';
import { FORMATS } from '../import/formats/network.js';
import { readOptionsSchema, uploadIdSchema, uploadSchema, Uploads } from './uploads.service.js';

const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe(description);

const uploadErrors = { 401: 'Credentials required', 403: 'Imports need credentials (server not on loopback without a token)' };

/** Import from the browser: upload files, see their preview, import them as a dataset with progress, or abandon them. */
export function uploadsRoutes(context: AppContext): AnyRoute[] {
  const uploads = new Uploads(context);
  const id = z.object({ id: uploadIdSchema.describe('The upload id, as POST /api/uploads gave it') });
  return [
    defineRoute({
      method: 'post',
      path: '/api/uploads',
      summary: 'Upload files to import',
      description:
        'One or several files of one network format, or a zip of them, as multipart/form-data. The files are streamed to disk ' +
        '(at most NEXO_UPLOAD_MAX_BYTES, default 1 GiB, a zip unpacked included: 413 past it) and read in the background: ' +
        'poll GET /api/uploads/{id} until state is ready (preview) or refused (preview.problems). Requires credentials when the server has them.',
      tags: ['uploads'],
      query: z.object({
        format: z.enum(FORMATS).optional().describe('Read the files as this format instead of detecting it'),
        undirected: flag('true: every tie of an edge list, matrix, Pajek *Arcs or UCINET file is undirected'),
        headerless: flag('true: an edge-list CSV without a header line'),
        label: readOptionsSchema.shape.label,
        columnLabel: readOptionsSchema.shape.columnLabel,
        type: readOptionsSchema.shape.type,
      }),
      files:
        'Any file fields: network files (GraphML, GEXF, Pajek, UCINET DL, edge-list or matrix CSV, neo4j-admin CSV, FtM JSON lines, JSON graphs) or one zip of them',
      response: uploadSchema,
      errors: { ...uploadErrors, 413: 'Upload too large, or too many files', 415: 'Not multipart/form-data', 503: 'Server not ready' },
      handler: async ({ query }, req, res) => {
        try {
          return await uploads.receive(req, query);
        } catch (error) {
          // The rest of a refused body is not read; closing the connection stops the client sending it.
          res.setHeader('Connection', 'close');
          throw error;
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/uploads/:id',
      summary: 'An upload: its preview, or its import progress',
      description: 'The state of an upload; poll it while the files are being checked or imported.',
      tags: ['uploads'],
      params: id,
      response: uploadSchema,
      errors: { 404: 'Unknown upload' },
      handler: ({ params }) => Promise.resolve(uploads.get(params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/uploads/:id/check',
      summary: 'Read an upload again with other options',
      description: 'A forced format, undirected ties or an edge list without header: the preview is made again (state checking, then ready or refused).',
      tags: ['uploads'],
      params: id,
      body: readOptionsSchema,
      response: uploadSchema,
      errors: { 404: 'Unknown upload', 409: 'The import has started' },
      handler: ({ params, body }) => Promise.resolve(uploads.recheck(params.id, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/uploads/:id/import',
      summary: 'Import an upload as a new dataset',
      description:
        'Starts the import (state importing) by the same code as `npm run import`: batches of separate transactions, the dataset invisible ' +
        'to reads until complete and removed if the import fails. Poll GET /api/uploads/{id} for progress; once imported, the files are removed. ' +
        'Requires credentials when the server has them.',
      tags: ['uploads'],
      params: id,
      body: z.object({
        dataset: datasetIdSchema.describe('The new dataset id'),
        name: z.string().trim().min(1).max(200).optional().describe('A display name (default: the id)'),
      }),
      response: uploadSchema,
      errors: {
        ...uploadErrors,
        404: 'Unknown upload',
        409: 'Dataset exists, or the upload is still being checked or imported',
        422: 'The files have problems',
        503: 'Neo4j unavailable',
        504: 'Neo4j did not answer in time',
      },
      handler: ({ params, body }) => uploads.startImport(params.id, { id: body.dataset, name: body.name ?? body.dataset }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/uploads/:id',
      summary: 'Abandon an upload',
      description: 'Removes its files. An upload nobody asks about for 30 minutes is removed the same way.',
      tags: ['uploads'],
      params: id,
      response: z.object({ deleted: z.string() }),
      errors: { 404: 'Unknown upload', 409: 'The import is running' },
      handler: async ({ params }) => {
        await uploads.remove(params.id);
        return { deleted: params.id };
      },
    }),
  ];
}
