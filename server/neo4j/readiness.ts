import type { Database } from './database.js';

/** What the server knows about its database: ready, or why not. */
export interface Readiness {
  ready: boolean;
  reason: string;
  /** The query-plan warm-up while it runs (bootstrap.ts); data requests arriving meanwhile wait for it a while. */
  warming?: Promise<unknown> | undefined;
}

/** Mutable readiness shared by the bootstrapper (writer) and /readyz (reader). */
export class ReadinessState implements Readiness {
  ready = false;
  reason = 'starting: connecting to Neo4j';
  warming: Promise<unknown> | undefined;

  set(ready: boolean, reason: string): void {
    this.ready = ready;
    this.reason = reason;
  }
}

/** /readyz answers within this even when Neo4j accepts connections but never replies (a frozen JVM). */
export const PROBE_TIMEOUT_MS = 1000;

/**
 * Asks Neo4j directly whether it answers now, with the driver's own reason when it does not, and gives
 * up after `timeoutMs`: a frozen server would otherwise hold the answer as long as the driver waits.
 */
export async function probeDatabase(db: Pick<Database, 'driver' | 'name'>, timeoutMs = PROBE_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: `Neo4j did not answer within ${timeoutMs / 1000} s (is it frozen or overloaded?)` }), timeoutMs);
  });
  const asked = db.driver.verifyConnectivity({ database: db.name }).then(
    (): Readiness => ({ ready: true, reason: 'Neo4j reachable' }),
    (error: unknown): Readiness => ({
      ready: false,
      reason: `Neo4j unreachable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    }),
  );
  try {
    return await Promise.race([asked, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One probe at a time, shared by everyone who asks meanwhile: while Neo4j is frozen, each probe left
 * behind holds a connection attempt until the driver gives up, so a poller must not multiply them.
 */
export class SharedProbe {
  private running: Promise<Readiness> | undefined;

  constructor(private readonly db: Pick<Database, 'driver' | 'name'>) {}

  check(): Promise<Readiness> {
    this.running ??= probeDatabase(this.db).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
