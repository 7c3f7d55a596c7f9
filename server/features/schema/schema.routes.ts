import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { getSchema } from './schema.service.js';

const schemaResponse = z.object({
  labels: z.array(z.object({ name: z.string(), count: z.number(), propertyKeys: z.array(z.string()) })),
  relationshipTypes: z.array(z.object({ name: z.string(), count: z.number() })),
});

/** GET /api/schema: what the graph holds, for legends, filters and the allow-list the other routes check. */
export function schemaRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/schema',
      summary: 'Labels with node counts and property keys, relationship types with counts',
      description: 'Counts come from the count store and may be up to 5 seconds old; property keys are sampled per label.',
      tags: ['schema'],
      response: schemaResponse,
      errors: { 503: 'Neo4j unavailable' },
      handler: () => getSchema(context.db, context.config.queryTimeoutMs),
    }),
  ];
}
