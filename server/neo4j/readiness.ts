import type { Database } from './database.js';

/** What the server knows about its database: ready, or why not. */
export interface Readiness {
  ready: boolean;
  reason: string;
}

/** Mutable readiness shared by the bootstrapper (writer) and /readyz (reader). */
export class ReadinessState implements Readiness {
  ready = false;
  reason = 'starting: connecting to Neo4j';

  set(ready: boolean, reason: string): void {
    this.ready = ready;
    this.reason = reason;
  }
}

/** Asks Neo4j directly whether it answers now, with the driver's own reason when it does not. */
export async function probeDatabase(db: Pick<Database, 'driver' | 'name'>): Promise<Readiness> {
  try {
    await db.driver.verifyConnectivity({ database: db.name });
    return { ready: true, reason: 'Neo4j reachable' };
  } catch (error) {
    return { ready: false, reason: `Neo4j unreachable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
