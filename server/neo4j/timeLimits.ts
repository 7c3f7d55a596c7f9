/** Time a route has beyond the query time limit, so Neo4j's own 504 or the pool's 503 answers first when they can. */
const ROUTE_MARGIN_MS = 2000;

/**
 * Every time bound on the way to Neo4j, from the one setting QUERY_TIMEOUT_MS, so they fit together: Neo4j stops a
 * transaction at the limit (504), a request waiting for a free connection gives up at the limit (503), and the route
 * answers 504 by itself a little later when Neo4j answers nothing at all (frozen, or a connection lost mid-query).
 */
export function timeLimits(queryTimeoutMs: number) {
  return {
    connectionAcquisitionMs: queryTimeoutMs,
    // The defaults retry for 30-60 s; failing fast lets the route answer 503 while the driver reconnects by itself.
    connectionMs: Math.min(queryTimeoutMs, 5000),
    transactionRetryMs: Math.min(queryTimeoutMs, 3000),
    routeMs: queryTimeoutMs + ROUTE_MARGIN_MS,
  };
}
