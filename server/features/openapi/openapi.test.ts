import type { Server } from 'node:http';
import { Validator } from '@seriousme/openapi-schema-validator';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { AppContext } from '../../appContext.js';
import { loadConfig } from '../../config.js';
import { apiRoutes } from '../../routes.js';

// The document is built from the routes' schemas alone: a driver that never connects is enough.
const context: AppContext = {
  db: { driver: neo4j.driver('bolt://127.0.0.1:1'), name: 'neo4j' },
  config: loadConfig({}),
  logger: pino({ level: 'silent' }),
  readiness: { ready: false, reason: 'the document does not need Neo4j' },
};
let server: Server;
let document: { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

beforeAll(async () => {
  server = createApp(context).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const response = await fetch(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/openapi.json`);
  expect(response.status).toBe(200);
  document = await response.json();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await context.db.driver.close();
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document, even before the database is ready', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route of server/routes.ts with its method, and nothing else', () => {
    const routes = apiRoutes(context).map((route) => `${route.method} ${route.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`);
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(routes.length).toBeGreaterThan(0);
    expect(documented.sort()).toEqual([...routes].sort());
  });

  it('gives every operation an answer for success and problem+json answers for its errors', () => {
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        expect(operation.responses).toHaveProperty('200');
        expect(operation.responses).toHaveProperty('400');
      }
    }
    expect(Object.keys(document.paths['/api/query']!.post!.responses).sort()).toEqual(['200', '400', '403', '404', '413', '429', '503', '504']);
  });
});
