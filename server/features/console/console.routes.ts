import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { AppError } from '../../errors.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import { datasetCaptionsInUse, graphSchema } from '../../neo4j/graph.js';
import { useCaptionsOf } from '../captions/captions.service.js';
import { listDatasets, visibleDatasets } from '../datasets/datasets.service.js';
import { datasetParameter } from '../../http/listParameter.js';
import { allowedProcedures, bracketDepth, MAX_BRACKET_DEPTH } from './console.policy.js';
import { defaultGraphCap, defaultRowCap } from './console.service.js';
import { ConsoleWorkers } from './console.workers.js';

/** Bound for every statement: the ids of the datasets the request reads (all complete ones when none is named). */
const DATASETS_PARAMETER = 'datasets';

const withheldSchema = z
  .object({
    nodes: z.int().describe('Distinct nodes outside the chosen datasets, shown as null in the rows and left out of the graph'),
    relationships: z.int().describe('Distinct relationships outside them, likewise'),
    paths: z.int().describe('Paths that pass through any of them, likewise'),
  })
  .describe('With dataset: what the answer left out; all 0 without it');

const queryBody = z.strictObject({
  cypher: z
    .string()
    .min(1)
    .max(20_000)
    .refine((text) => text.trim().length > 0, 'must not be blank')
    .refine((text) => bracketDepth(text) <= MAX_BRACKET_DEPTH, `must not nest brackets deeper than ${MAX_BRACKET_DEPTH} levels`)
    .describe('One Cypher statement; it runs in a read-only transaction'),
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .refine((params) => !Object.hasOwn(params, DATASETS_PARAMETER), `must not set $${DATASETS_PARAMETER}: Nexo binds it to the datasets of the request`)
    .describe(`Values for $parameters; whole numbers are sent as integers, so LIMIT $n works. $${DATASETS_PARAMETER} is Nexo's (see dataset)`),
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
  withheld: withheldSchema,
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
        `or ${defaultGraphCap} nodes and relationships (truncated: true). $${DATASETS_PARAMETER} holds the ids of the datasets read ` +
        '(the dataset parameter, else every complete dataset). With dataset, every node, relationship and path outside those datasets ' +
        'is withheld from the answer (null in the rows, counted in withheld); values read from them are not: filter them in the statement with n.__nexo_dataset IN $datasets.',
      tags: ['console'],
      query: z.object({ dataset: datasetParameter() }),
      body: queryBody,
      response: queryResult,
      errors: {
        403: 'Refused: the statement writes, changes the schema, administers the server, reads files or calls a procedure not allowed here',
        404: 'Unknown dataset',
        413: 'The answer would be larger than NEXO_CONSOLE_MAX_ANSWER_BYTES, or the query needed more memory than Neo4j allows',
        429: 'Too many console requests from this client, or too many running at once (Retry-After)',
        503: 'Neo4j unavailable, or the console runs as many queries as it may (Retry-After)',
        504: 'Query timeout',
      },
      handler: async ({ body, query }, req, res) => {
        await useCaptionsOf(db, (await listDatasets(db, config.queryTimeoutMs)).datasets, config.queryTimeoutMs);
        const datasets = await visibleDatasets(db, query.dataset, config.queryTimeoutMs);
        const job = {
          captions: datasetCaptionsInUse(),
          scope: query.dataset.length > 0 ? datasets : null,
          cypher: body.cypher,
          parameters: { ...body.params, [DATASETS_PARAMETER]: datasets },
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
