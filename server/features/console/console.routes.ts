import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { graphSchema } from '../../neo4j/graph.js';
import { allowedProcedures, bracketDepth, MAX_BRACKET_DEPTH } from './console.policy.js';
import { defaultGraphCap, defaultRowCap, runConsoleQuery } from './console.service.js';

const queryBody = z.strictObject({
  cypher: z
    .string()
    .min(1)
    .max(20_000)
    .refine((text) => text.trim().length > 0, 'must not be blank')
    .refine((text) => bracketDepth(text) <= MAX_BRACKET_DEPTH, `must not nest brackets deeper than ${MAX_BRACKET_DEPTH} levels`)
    .describe('One Cypher statement; it runs in a read-only transaction'),
  params: z.record(z.string(), z.unknown()).default({}).describe('Values for $parameters; whole numbers are sent as integers, so LIMIT $n works'),
  timeoutMs: z.int().min(1).optional().describe('Time limit in milliseconds; the server caps it at its QUERY_TIMEOUT_MS (default: that limit)'),
});

const queryResult = z.object({
  columns: z.array(z.string()),
  rows: z
    .array(z.array(z.unknown()))
    .describe(
      'One list of values per row, in column order. Nodes appear as {id, labels, name}, relationships as {id, type, source, target}, paths as [node, relationship, node, …]',
    ),
  graph: graphSchema.describe('Every node, relationship and path in the rows, with their properties, plus the end nodes of returned relationships'),
  truncated: z.boolean().describe(`True when the row cap (${defaultRowCap}) or the graph cap (${defaultGraphCap} nodes and relationships) stopped the reading`),
});

/** POST /api/query: the read-only Cypher console. */
export function consoleRoutes(context: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/query',
      summary: 'Run a read-only Cypher statement',
      description:
        'Runs in a READ transaction, so Neo4j refuses writes and schema changes (403). Also refused (403): LOAD CSV, ' +
        'CALL { … } IN TRANSACTIONS, administration commands, SHOW TRANSACTIONS/SETTINGS, TERMINATE TRANSACTIONS and ' +
        `procedures other than ${allowedProcedures.join(', ')}. Stops at the time limit (504), after ${defaultRowCap} rows ` +
        `or ${defaultGraphCap} nodes and relationships (truncated: true).`,
      tags: ['console'],
      body: queryBody,
      response: queryResult,
      errors: {
        403: 'Refused: the statement writes, changes the schema, administers the server, reads files or calls a procedure not allowed here',
        413: 'The query needed more memory than Neo4j allows',
        429: 'Too many console requests from this client',
        503: 'Neo4j unavailable',
        504: 'Query timeout',
      },
      handler: ({ body }) =>
        runConsoleQuery(context.db, body.cypher, body.params, {
          timeoutMs: Math.min(body.timeoutMs ?? context.config.queryTimeoutMs, context.config.queryTimeoutMs),
          maxRows: defaultRowCap,
          maxGraphElements: defaultGraphCap,
        }),
    }),
  ];
}
