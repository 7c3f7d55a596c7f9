import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';

type Method = 'get' | 'post' | 'put' | 'delete';
type AnyObject = z.ZodObject<z.ZodRawShape>;

/** One endpoint: its schemas validate requests and also produce the OpenAPI document. */
export interface RouteSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** Express path, e.g. /api/nodes/:id */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The request is a multipart/form-data file upload, read by the handler as a stream; this describes its file
   * fields for the OpenAPI document. Receiving a file takes as long as the network does, so no route time limit applies.
   */
  files?: string;
  response: R;
  /** A file download instead of JSON: the content types a 200 may have (the handler writes the body itself). */
  download?: string[];
  /** Statuses other than 200 this route can answer, with what they mean. */
  errors?: Record<number, string>;
  /**
   * The route's own time limit instead of the database one, for work that is not a database read (an analysis
   * computing in a worker); its database reads must then bound themselves (see withinTimeLimit).
   */
  timeLimitMs?: number;
  /** `signal` aborts when the client goes away before its answer is sent. */
  handler: (input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B>; signal: AbortSignal }, req: Request, res: Response) => Promise<z.infer<R>>;
}

// The handler's input types differ per route; the registry only needs the common shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

/** Declares a route; the generics keep handler input and output typed from the schemas. */
export function defineRoute<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

/**
 * Mounts routes on a router: validate, call the handler, send JSON. A handler that has not answered within
 * `timeLimitMs` is answered 504 and left to finish unheard: Neo4j stops its own transactions at the query time limit,
 * but a frozen or unreachable Neo4j stops nothing, and a request must not wait on it for ever.
 */
export function mountRoutes(router: Router, routes: AnyRoute[], timeLimitMs: number): void {
  for (const route of routes) {
    router[route.method](route.path, async (req, res, next) => {
      let timer: NodeJS.Timeout | undefined;
      const unheard = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) unheard.abort();
      });
      try {
        const input = {
          params: validate(route.params, req.params, 'path'),
          query: validate(route.query, req.query, 'query'),
          body: validate(route.body, req.body, 'body'),
          signal: unheard.signal,
        };
        const handling = route.handler(input, req, res);
        if (route.files !== undefined) {
          const result = await handling;
          if (!res.headersSent) res.json(result);
          return;
        }
        const deadline = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => {
            // The work goes on unheard (not aborted): what it reads and prepares (an analysis worker's start, a
            // projection) is cached, so the same request asked again can finish within the limit.
            handling.catch(() => undefined);
            reject(databaseTimeout());
          }, route.timeLimitMs ?? timeLimitMs);
        });
        const result = await Promise.race([handling, deadline]);
        if (!res.headersSent) res.json(result);
      } catch (error) {
        next(error);
      } finally {
        clearTimeout(timer);
      }
    });
  }
}

/** `work`, or the route's 504 when it has not settled within `timeLimitMs`; the work goes on unheard, as above. */
export async function withinTimeLimit<T>(work: Promise<T>, timeLimitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      work.catch(() => undefined);
      reject(databaseTimeout());
    }, timeLimitMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function databaseTimeout(): AppError {
  return new AppError(504, 'Database timeout', 'Neo4j did not answer within the time limit; it may be overloaded or stopped. Try again shortly.');
}

function validate(schema: z.ZodType | undefined, value: unknown, where: 'path' | 'query' | 'body'): unknown {
  if (!schema) return {};
  const parsed = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = issue.path.length > 0 ? issue.path.join('.') : where;
  throw new AppError(400, 'Invalid parameter', `${where === 'body' ? 'body' : 'parameter'} "${name}": ${issue.message}`, 'invalid-parameter', {
    parameter: name,
  });
}

/** An OpenAPI 3.1 document built from the same zod schemas that validate requests. */
export function openApiDocument(routes: AnyRoute[], info: { title: string; version: string; description: string }): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const openApiPath = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters = [...objectParameters(route.params, 'path'), ...objectParameters(route.query, 'query')];
    const content = route.download
      ? Object.fromEntries(route.download.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]))
      : { 'application/json': { schema: jsonSchema(route.response, 'output') } };
    const responses: Record<string, unknown> = { '200': { description: 'OK', content } };
    for (const [status, description] of Object.entries({ 400: 'Invalid parameter', ...route.errors })) {
      responses[status] = { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method] = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.tags ? { tags: route.tags } : {}),
      operationId: `${route.method}${openApiPath.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}`,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      ...(route.files !== undefined ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: filesSchema(route.files) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
          },
        },
      },
    },
  };
}

/** A form of one or more file fields, any field name. */
function filesSchema(description: string): object {
  return {
    type: 'object',
    description,
    additionalProperties: {
      oneOf: [
        { type: 'string', contentMediaType: 'application/octet-stream' },
        { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } },
      ],
    },
  };
}

function objectParameters(schema: AnyObject | undefined, where: 'path' | 'query'): object[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    return {
      name,
      in: where,
      required: where === 'path' || !fieldSchema.safeParse(undefined).success,
      ...(fieldSchema.description ? { description: fieldSchema.description } : {}),
      schema: jsonSchema(fieldSchema, 'input'),
    };
  });
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
