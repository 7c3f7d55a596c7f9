import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import cors from 'cors';
import { rateLimit } from 'express-rate-limit';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { stdSerializers } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppContext } from './appContext.js';
import { AppError, notFoundHandler, problemHandler } from './errors.js';
import { mountHealthRoutes } from './features/health/health.routes.js';
import { redactUrl, requireCredentials } from './http/access.js';
import { mountRoutes, openApiDocument } from './http/route.js';
import { useCaptionRules } from './neo4j/graph.js';
import { timeLimits } from './neo4j/timeLimits.js';
import { projectRoot } from './projectRoot.js';
import { apiRoutes } from './routes.js';

const clientDist = path.join(projectRoot, 'dist', 'client');

/** Deeper JSON than any request needs; code that walks values recursively (parameter conversion, the driver) overflows the stack on 100,000 levels. */
const MAX_JSON_DEPTH = 64;

/** Refuses a JSON body nested deeper than MAX_JSON_DEPTH before it is parsed: one pass over the raw bytes, brackets inside strings skipped. */
function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === 0x5c)
        index++; // a backslash escapes the next character, e.g. \"
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        throw new AppError(400, 'JSON too deep', `The request body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels.`);
      }
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}

/** Builds the Express app without listening, so tests mount it in-process. */
export function createApp(context: AppContext): Express {
  useCaptionRules(context.config.captionRules);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', context.config.access.trustProxy);
  app.use(
    pinoHttp({
      logger: context.logger,
      // One line per request with status and latency; no headers and a redacted URL, so no credentials in logs.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url, context.config.access) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // pino-http invents an error for every 5xx; the problem handler already logged real ones.
        err: (err: Error) => (err.message.startsWith('failed with status code') ? undefined : stdSerializers.err(err)),
      },
      customLogLevel: (_req, res) =>
        res.statusCode >= 500 && res.statusCode !== 503 && res.statusCode !== 504 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'] } } }));
  if (context.config.access.corsOrigins.length > 0) app.use(cors({ origin: context.config.access.corsOrigins }));
  app.use(requireCredentials(context.config.access));
  app.use(compression());
  app.use(express.json({ limit: '256kb', verify: refuseDeepJson }));
  // The console and path search are the expensive routes: bound what one client can ask of them.
  app.use(
    ['/api/query', '/api/paths'],
    rateLimit({
      windowMs: 60_000,
      limit: context.config.access.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) => {
        next(new AppError(429, 'Too many requests', 'Too many console or path requests from this client; wait a minute.'));
      },
    }),
  );

  const router = express.Router();
  mountHealthRoutes(router, context);
  router.use('/api', (req, _res, next) => {
    // Until the schema is applied and the data loaded, data routes would answer wrongly: say so.
    if (!context.readiness.ready && req.path !== '/openapi.json') return next(new AppError(503, 'Not ready', context.readiness.reason));
    const warming = context.readiness.warming;
    if (!warming) return next();
    // While the plans are being made once, a request waits for them rather than have Neo4j plan the same large
    // query again beside the warm-up (see warmUpTimeoutMs); past the query time limit it goes ahead anyway.
    let waited = false;
    const go = (): void => {
      if (waited) return;
      waited = true;
      clearTimeout(timer);
      next();
    };
    const timer = setTimeout(go, context.config.queryTimeoutMs);
    warming.then(go, go);
  });
  const routes = apiRoutes(context);
  mountRoutes(router, routes, timeLimits(context.config.queryTimeoutMs).routeMs);
  const openApi = openApiDocument(routes, {
    title: 'Nexo API',
    version: '0.1.0',
    description: 'Search, expand and trace paths in criminal networks stored in Neo4j; every fact carries its source quote.',
  });
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  router.use('/api', notFoundHandler);
  app.use(router);

  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}
