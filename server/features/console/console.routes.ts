import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { AppError } from '../../errors.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { datasetCaptionsInUse, graphSchema } from '../../neo4j/graph.js';
import { useCaptionsOf } from '../captions/captions.service.js';
import { listDatasets } from '../datasets/datasets.service.js';
import { allowedProcedures, bracketDepth, MAX_BRACKET_DEPTH } from './console.policy.js';
import { defaultGraphCap, defaultRowCap } from './console.service.js';
import { ConsoleWorkers } from './console.workers.js';

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
  const { config, db } = context;
  const workers = new ConsoleWorkers(config.console, async () => ({
    // The local server runs without authentication and tells its own address; a remote one is NEO4J_URI.
    uri: config.neo4j.uri ?? `bolt://${(await db.driver.getServerInfo({ database: db.name })).address}`,
    auth: config.neo4j.uri ? { username: config.neo4j.username, password: config.neo4j.password } : undefined,
    database: db.name,
    queryTimeoutMs: config.queryTimeoutMs,
    captionRules: config.captionRules,
  }));
  // A console slot frees within one time limit.
  const retryAfterSeconds = String(Math.ceil(config.queryTimeoutMs / 1000));
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
        413: 'The answer would be larger than NEXO_CONSOLE_MAX_ANSWER_BYTES, or the query needed more memory than Neo4j allows',
        429: 'Too many console requests from this client, or too many running at once (Retry-After)',
        503: 'Neo4j unavailable, or the console runs as many queries as it may (Retry-After)',
        504: 'Query timeout',
      },
      handler: async ({ body }, req, res) => {
        await useCaptionsOf(db, (await listDatasets(db, config.queryTimeoutMs)).datasets, config.queryTimeoutMs);
        const job = {
          captions: datasetCaptionsInUse(),
          cypher: body.cypher,
          parameters: body.params,
          limits: {
            timeoutMs: Math.min(body.timeoutMs ?? config.queryTimeoutMs, config.queryTimeoutMs),
            maxRows: defaultRowCap,
            maxGraphElements: defaultGraphCap,
            maxAnswerBytes: config.console.maxAnswerBytes,
          },
        };
        try {
          return await workers.run(req.ip ?? 'unknown', job);
        } catch (error) {
          if (error instanceof AppError && error.type === 'console-busy') res.set('Retry-After', retryAfterSeconds);
          throw error;
        }
      },
    }),
  ];
}
