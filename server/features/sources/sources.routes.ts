import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { getSource } from './sources.service.js';

const sourceResponse = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  licence: z.string().nullable(),
  attribution: z.string().nullable(),
  url: z.string().nullable(),
  quotes: z.array(
    z.object({
      quote: z.string(),
      start: z.number().nullable(),
      end: z.number().nullable(),
      usedBy: z.array(z.object({ kind: z.enum(['node', 'edge']), id: z.string() })),
    }),
  ),
});

/** GET /api/sources/:id: a source text and where each quote used in the graph sits in it. */
export function sourcesRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/sources/:id',
      summary: 'A source document with the position of every quote the graph takes from it',
      description:
        'start and end are JavaScript string indices of the first occurrence (text.slice(start, end) === quote), ' +
        'null when the quote is not verbatim in the text. usedBy names the nodes and edges that cite the quote.',
      tags: ['sources'],
      params: z.object({ id: z.string().min(1).max(200).describe('The source id, e.g. peru-organised-crime') }),
      response: sourceResponse,
      errors: { 404: 'No source has this id', 503: 'Neo4j unavailable', 504: 'Query timeout' },
      handler: ({ params }) => getSource(context.db, params.id, context.config.queryTimeoutMs),
    }),
  ];
}
