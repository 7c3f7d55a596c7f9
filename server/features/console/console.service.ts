import neo4j, { Neo4jError, type ManagedTransaction, type Node as Neo4jNode, type Record as Neo4jRecord } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { AppError, fromNeo4jError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { GraphCollector, type Graph } from '../../neo4j/graph.js';
import { assertAllowedPlan, assertReadOnly } from './console.policy.js';
import { withinDatasets, type Withheld } from './console.scope.js';
import { approximateJsonBytes, cellRenderer, cypherParameters } from './console.values.js';

export interface ConsoleLimits {
  /** Neo4j stops the transaction after this long. */
  timeoutMs: number;
  maxRows: number;
  /** Nodes plus relationships the query returned; end nodes fetched for its relationships come on top. */
  maxGraphElements: number;
  /** The largest answer, in bytes of JSON; a larger one is refused with 413 rather than cut, so no row is half there. */
  maxAnswerBytes: number;
}

export const defaultRowCap = 1000;
export const defaultGraphCap = 2000;

export interface ConsoleResult {
  columns: string[];
  rows: unknown[][];
  graph: Graph;
  /** True when a cap stopped the reading: more rows or graph elements exist than were returned. */
  truncated: boolean;
  /** What a dataset-scoped answer left out (all 0 without a scope). */
  withheld: Withheld;
}

/**
 * Neo4j checks the timeout between rows; one expression that loops inside a row (a `reduce` over millions of
 * elements) only notices when it finishes. Past the timeout and this margin the request answers 504 by itself.
 */
const DEADLINE_MARGIN_MS = 1000;

/** Runs one user-written statement read-only, within the limits, and returns its rows and every node, relationship and path in them as a graph. */
export async function runConsoleQuery(
  db: Pick<Database, 'driver' | 'name'>,
  cypher: string,
  parameters: Record<string, unknown>,
  limits: ConsoleLimits,
  /** The datasets the answer stays within (console.scope.ts); undefined for the whole database. */
  scope?: readonly string[],
): Promise<ConsoleResult> {
  // READ access mode: Neo4j itself refuses every write, schema change and administration write.
  const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
  const values = cypherParameters(parameters);
  // Until the driver hands over a transaction, a deadline means Neo4j could not be reached rather than a slow query.
  let reachedNeo4j = false;
  const running = session.executeRead(
    async (tx) => {
      reachedNeo4j = true;
      await checkPlan(tx, cypher, values);
      const { columns, records, truncated } = await readCapped(tx, cypher, values, limits);
      const scoped = withinDatasets(
        records.map((record) => Array.from(record.values())),
        scope,
      );
      const graph = await gatherGraph(tx, scoped.rows);
      const render = cellRenderer(graph);
      const result = { columns, rows: scoped.rows.map((row) => row.map(render)), graph, truncated, withheld: scoped.withheld };
      if (Buffer.byteLength(JSON.stringify(result)) > limits.maxAnswerBytes) throw answerTooLarge(limits.maxAnswerBytes);
      return result;
    },
    { timeout: limits.timeoutMs },
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(deadlineError(reachedNeo4j)), limits.timeoutMs + DEADLINE_MARGIN_MS);
  });
  try {
    const result = await Promise.race([running, deadline]);
    await session.close();
    return result;
  } catch (error) {
    // After the deadline Neo4j may still be busy; closing resets the connection without holding up the answer.
    running.catch(() => undefined);
    session.close().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export function answerTooLarge(maxAnswerBytes: number): AppError {
  return new AppError(
    413,
    'Answer too large',
    `The answer would be larger than ${(maxAnswerBytes / 1024 / 1024).toFixed(1)} MiB (NEXO_CONSOLE_MAX_ANSWER_BYTES): return fewer rows, shorter lists or strings, or fewer properties.`,
  );
}

function deadlineError(reachedNeo4j: boolean): AppError {
  return reachedNeo4j
    ? new AppError(504, 'Query timeout', 'The query took longer than the time limit and was stopped.')
    : new AppError(503, 'Database unavailable', 'Neo4j cannot be reached right now; try again shortly.');
}

// Neo4j reports error positions in the text it received; this line in front moves them one line and 8 characters on.
const EXPLAIN_PREFIX = 'EXPLAIN\n';

/** Plans the statement without running it and refuses it when its plan holds an operator the console does not allow. */
async function checkPlan(tx: ManagedTransaction, cypher: string, parameters: Record<string, unknown>): Promise<void> {
  let plan;
  let queryType;
  try {
    ({ plan, queryType } = (await tx.run(EXPLAIN_PREFIX + cypher, parameters)).summary);
  } catch (error) {
    const problem = error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.') ? fromNeo4jError(error) : undefined;
    if (!problem) throw error;
    throw new AppError(problem.status, problem.title, withoutExplainPrefix(problem.detail), problem.type, problem.extra);
  }
  if (!plan) throw new AppError(403, 'Not allowed', 'Neo4j returned no plan for this statement, so it cannot be checked.', 'not-allowed');
  assertAllowedPlan(plan);
  assertReadOnly(queryType);
}

/** "(line 2, column 5 (offset: 12))" in the EXPLAIN-prefixed text is "(line 1, column 5 (offset: 4))" in the user's. */
function withoutExplainPrefix(detail: string): string {
  return detail.replace(/\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g, (_whole, line: string, column: string, offset: string) => {
    const userLine = Number(line) > 1 ? Number(line) - 1 : Number(line);
    const userOffset = Number(offset) >= EXPLAIN_PREFIX.length ? Number(offset) - EXPLAIN_PREFIX.length : Number(offset);
    return `(line ${userLine}, column ${column} (offset: ${userOffset}))`;
  });
}

/** Reads records until the stream ends or a cap is reached; breaking out of the stream makes the driver discard the rest. */
async function readCapped(
  tx: ManagedTransaction,
  cypher: string,
  parameters: Record<string, unknown>,
  limits: ConsoleLimits,
): Promise<{ columns: string[]; records: Neo4jRecord[]; truncated: boolean }> {
  const result = tx.run(cypher, parameters);
  const columns = await result.keys();
  const records: Neo4jRecord[] = [];
  const counted = new GraphCollector();
  let bytes = 0;
  for await (const record of result) {
    if (records.length === limits.maxRows) return { columns, records, truncated: true };
    // Stops reading as soon as the rows alone are over the limit: a thousand rows of 1 MiB are not read to the end.
    bytes += approximateJsonBytes(Array.from(record.values()), limits.maxAnswerBytes - bytes);
    if (bytes > limits.maxAnswerBytes) throw answerTooLarge(limits.maxAnswerBytes);
    counted.add(Array.from(record.values()));
    // The record that crosses the cap is left out whole, so every row's nodes and relationships are in the graph.
    if (counted.size.nodes + counted.size.edges > limits.maxGraphElements) return { columns, records, truncated: true };
    records.push(record);
  }
  return { columns, records, truncated: false };
}

/** The graph of every node, relationship and path in the records, with the end nodes of relationships returned alone. */
async function gatherGraph(tx: ManagedTransaction, rows: unknown[][]): Promise<Graph> {
  const collector = new GraphCollector();
  for (const row of rows) collector.add(row);
  const missingEnds = endsWithoutNode(collector.toGraph());
  if (missingEnds.length > 0) {
    const ends = await tx.run(cypherFile('console/nodes-by-element-id.cypher'), { elementIds: missingEnds });
    for (const record of ends.records) collector.add(record.get('n') as Neo4jNode);
  }
  return collector.toGraph();
}

// GraphCollector.toGraph names the end it did not collect by `element:<elementId>`.
const UNCOLLECTED_END = 'element:';

function endsWithoutNode(graph: Graph): string[] {
  const collected = new Set(graph.nodes.map((node) => node.id));
  const missing = new Set(graph.edges.flatMap((edge) => [edge.source, edge.target]).filter((id) => !collected.has(id)));
  return [...missing].map((id) => id.slice(UNCOLLECTED_END.length));
}
