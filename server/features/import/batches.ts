import type { QueryResult } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { toNumber } from '../../neo4j/values.js';
import type { Progress } from './progress.js';

/**
 * Rows per UNWIND. Measured on 10^6 generated relationships against the local server (bench/README.md): past
 * 10,000 rows a batch the rate no longer rose, while each batch's transaction state and Bolt message grew with it.
 */
export const BATCH_ROWS = 10_000;

/**
 * Relationship batches of a new dataset written at once, each in its own transaction: one batch keeps one of Neo4j's
 * threads busy, two use both cores of a small machine (10^6 generated relationships at load 10-12: 9,301 -> 19,875
 * relationships/s, Neo4j's CPU per relationship unchanged). Neo4j locks a batch's nodes in order at commit, so batches
 * sharing hubs did not deadlock; one that did would be retried whole by the driver (executeQuery), its first attempt
 * rolled back. Node batches stay one at a time: a CSV import takes their ids back in the order the nodes were read,
 * and two node batches at once were no faster (10^6: nodes in 21.5 s against 20-21 s).
 */
export const RELATIONSHIP_WRITERS = 2;

/**
 * The keys Nexo writes on every imported node and relationship. A user's column of the same name was always overwritten
 * by them; it is now left out of the row instead, so that the write statements can create an entity with its keys at
 * once (setting a uniquely constrained key after the create doubled Neo4j's CPU per node).
 */
const NEXO_WRITTEN_KEYS = new Set(['__nexo_id', '__nexo_dataset', '__nexo_caption', '__nexo_search_caption', '__nexo_undirected']);

/** Whether a user property of this name would be overwritten by Nexo's own key, so is not imported. */
export function isNexoWrittenKey(name: string): boolean {
  return NEXO_WRITTEN_KEYS.has(name);
}

/** Runs one batch's statement; the batch's rows are $rows, and the statement returns the rows it wrote as `written`. */
export type RunBatch = (query: string, parameters: Record<string, unknown>) => Promise<QueryResult>;

/** Hears each batch once it is written whole, in the order the batches were added. */
export type OnWritten = (query: string, result: QueryResult) => void;

/**
 * Collects rows into batches of one statement and keeps up to `concurrency(query)` batches in flight (one by
 * default), so the next batch is read and converted while Neo4j writes the previous ones. Each batch must write
 * every row: a batch that writes fewer fails the import with `onShort`'s error.
 */
export class BatchSender {
  private rows: unknown[] = [];
  private query = '';
  private progress: Progress | undefined;
  private inFlight: Promise<void>[] = [];

  constructor(
    private readonly run: RunBatch,
    private readonly parameters: Record<string, unknown>,
    private readonly onShort: () => Error,
    private readonly onWritten?: OnWritten,
    private readonly concurrency: (query: string) => number = () => 1,
  ) {}

  async add(query: string, row: unknown, progress: Progress): Promise<void> {
    if (query !== this.query) await this.drain();
    this.query = query;
    this.progress = progress;
    this.rows.push(row);
    if (this.rows.length >= BATCH_ROWS) await this.flush();
  }

  /** Sends what is collected and waits until Neo4j has written all of it. */
  async drain(): Promise<void> {
    await this.flush();
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  private async flush(): Promise<void> {
    const rows = this.rows;
    const progress = this.progress;
    this.rows = [];
    const query = this.query;
    while (this.inFlight.length >= this.concurrency(query)) await this.inFlight.shift();
    if (rows.length === 0) return;
    const count = rows.length;
    const sent = this.run(cypherFile(query), { ...this.parameters, rows }).then((result) => {
      // Inside one transaction the driver keeps every Result, and with it the very parameters object, until
      // commit; emptying the sent batch is what keeps a long import's memory bounded.
      rows.length = 0;
      if (toNumber(result.records[0]?.get('written')) !== count) throw this.onShort();
      this.onWritten?.(query, result);
      progress?.advance(count);
    });
    // The failure, if any, is awaited in turn; until then it must not count as unhandled.
    sent.catch(() => undefined);
    this.inFlight.push(sent);
  }
}
