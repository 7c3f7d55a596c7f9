import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { MIN_PASSWORD_BITS, MIN_TOKEN_BITS, guessingBits } from './http/secretStrength.js';
import { defaultCaptionRules, type CaptionRules } from './neo4j/caption.js';

/** QUERY_TIMEOUT_MS when unset: the time limit of every database read. */
export const defaultQueryTimeoutMs = 5000;

/** Every setting Nexo reads from the environment, with its default. The README documents each. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEXO_NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEXO_NEO4J_STORE: z.string().min(1).default('.data/neo4j'),
  NEXO_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, 'a JVM size such as 4g or 512m')
    // An import into a new dataset holds one batch in Neo4j's heap; adding files to an existing dataset holds all of
    // them until commit (4g fits about a million relationships).
    .default('4g'),
  NEXO_NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).default(512),
  NEXO_LOAD_ON_START: z.enum(['auto', 'always', 'never']).default('auto'),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(defaultQueryTimeoutMs),
  // An analysis computes in a worker for as long as the graph needs (exact betweenness on 10⁴ nodes takes seconds);
  // only its database reads keep QUERY_TIMEOUT_MS.
  NEXO_ANALYSIS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  NEXO_API_TOKEN: z
    .string()
    .min(16, 'at least 16 characters')
    .refine((token) => guessingBits(token) >= MIN_TOKEN_BITS, tooEasy('token', MIN_TOKEN_BITS, 'openssl rand -hex 24'))
    .optional(),
  NEXO_BASIC_AUTH: z
    .string()
    .regex(/^[^:]+:.{8,}$/, 'user:password with a password of 8+ characters')
    .refine((text) => guessingBits(text.slice(text.indexOf(':') + 1)) >= MIN_PASSWORD_BITS, tooEasy('password', MIN_PASSWORD_BITS, 'openssl rand -base64 12'))
    .optional(),
  NEXO_CORS_ORIGINS: z
    .string()
    // The cors package would allow any origin for "*", but with credentials that hands the data to every web page.
    .refine((origins) => !origins.split(',').some((origin) => origin.trim() === '*'), {
      message: '"*" is not supported: list the origins allowed to call this API, comma-separated (https://newsroom.example)',
    })
    .optional(),
  NEXO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  // Behind a reverse proxy every request comes from the proxy's address, so every user would share one rate-limit and
  // login-throttle budget; naming the proxies makes the client the address they forward (X-Forwarded-For).
  NEXO_TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      'the number of proxies in front of Nexo (e.g. 1), or their addresses, subnets or loopback/uniquelocal, comma-separated',
    )
    // "true" would believe any X-Forwarded-For, letting every client pick the address it is throttled as.
    .refine((value) => !['true', '*'].includes(value.trim().toLowerCase()), {
      message: '"true" would trust any client\'s X-Forwarded-For: give the number of proxies or their addresses',
    })
    .optional(),
  // One console query per core: a statement that computes until its time limit keeps one Neo4j thread busy, so at 4 on
  // 2 cores (the default before) two users' heavy statements took every core and other users' reads waited behind them.
  NEXO_CONSOLE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  NEXO_CONSOLE_CONCURRENCY_PER_CLIENT: z.coerce.number().int().min(1).max(64).default(2),
  NEXO_CONSOLE_MAX_ANSWER_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  NEXO_CAPTION_RULES: z.string().optional(),
  NEXO_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(1024 ** 3),
  NEXO_UPLOAD_DIR: z.string().min(1).optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

/** The message for a secret that the guessing estimate refuses, naming a way to make a good one. */
function tooEasy(what: 'token' | 'password', bits: number, command: string): { message: string } {
  return {
    message:
      `the ${what} is too easy to guess (runs such as 1234 or aaaa, spaces, or too short; about ${bits} bits of randomness needed): ` +
      `use a random one, e.g. \`${command}\``,
  };
}

export interface Neo4jTarget {
  /** Where Bolt is; undefined means "start the local server". */
  uri: string | undefined;
  username: string;
  password: string;
  database: string;
}

export interface LocalNeo4jSettings {
  boltPort: number;
  storeDir: string;
  heap: string;
  pageCacheMb: number;
}

export interface Config {
  port: number;
  host: string;
  logLevel: Environment['LOG_LEVEL'];
  neo4j: Neo4jTarget;
  localNeo4j: LocalNeo4jSettings;
  loadOnStart: Environment['NEXO_LOAD_ON_START'];
  queryTimeoutMs: number;
  /** Time limit of an analysis's computation (NEXO_ANALYSIS_TIMEOUT_MS); its database reads keep queryTimeoutMs. */
  analysisTimeoutMs: number;
  console: ConsoleSettings;
  access: AccessSettings;
  /** Which properties give a node its display name when it has no `name`, per label. */
  captionRules: CaptionRules;
  uploads: UploadSettings;
}

export interface UploadSettings {
  /** Where files uploaded from the browser wait for their import, relative to the project unless absolute. */
  dir: string;
  /** The most bytes one upload may bring, a zip's unpacked contents included. */
  maxBytes: number;
}

export interface ConsoleSettings {
  /** Console queries running at once, over all clients; each runs on its own worker thread and connection. */
  concurrency: number;
  concurrencyPerClient: number;
  /** The largest console answer, in bytes of JSON. */
  maxAnswerBytes: number;
}

export interface AccessSettings {
  apiToken: string | undefined;
  basicAuth: { user: string; password: string } | undefined;
  /** Origins allowed by CORS; empty means CORS stays closed. */
  corsOrigins: string[];
  /** Requests per minute and client on the expensive routes (console, paths). */
  rateLimitPerMinute: number;
  /** Express's "trust proxy": how many proxies, or which, may say who the client is; false trusts none. */
  trustProxy: number | string[] | false;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseTrustProxy(value: string | undefined): number | string[] | false {
  if (value === undefined) return false;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) || false;
  return value.split(',').map((address) => address.trim());
}

/** Parses the environment once; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const basicAuth = e.NEXO_BASIC_AUTH ? splitCredentials(e.NEXO_BASIC_AUTH) : undefined;
  if (!isLoopback(e.HOST) && !e.NEXO_API_TOKEN && !basicAuth) {
    throw new ConfigError(`Refusing to listen on ${e.HOST} without authentication: set NEXO_API_TOKEN or NEXO_BASIC_AUTH, or keep HOST=127.0.0.1.`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
    },
    localNeo4j: {
      boltPort: e.NEXO_NEO4J_BOLT_PORT,
      storeDir: e.NEXO_NEO4J_STORE,
      heap: e.NEXO_NEO4J_HEAP,
      pageCacheMb: e.NEXO_NEO4J_PAGECACHE_MB,
    },
    loadOnStart: e.NEXO_LOAD_ON_START,
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    analysisTimeoutMs: e.NEXO_ANALYSIS_TIMEOUT_MS,
    console: {
      concurrency: e.NEXO_CONSOLE_CONCURRENCY,
      concurrencyPerClient: e.NEXO_CONSOLE_CONCURRENCY_PER_CLIENT,
      maxAnswerBytes: e.NEXO_CONSOLE_MAX_ANSWER_BYTES,
    },
    access: {
      apiToken: e.NEXO_API_TOKEN,
      basicAuth,
      corsOrigins: (e.NEXO_CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      rateLimitPerMinute: e.NEXO_RATE_LIMIT_PER_MINUTE,
      trustProxy: parseTrustProxy(e.NEXO_TRUST_PROXY),
    },
    captionRules: parseCaptionRules(e.NEXO_CAPTION_RULES),
    // Beside the local store (.data/neo4j → .data/uploads), so one folder holds what the server keeps.
    uploads: { dir: e.NEXO_UPLOAD_DIR ?? path.join(path.dirname(e.NEXO_NEO4J_STORE), 'uploads'), maxBytes: e.NEXO_UPLOAD_MAX_BYTES },
  };
}

function splitCredentials(text: string): { user: string; password: string } {
  const colon = text.indexOf(':');
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** An empty variable (`NEO4J_URI=`) means "unset", as in most shells' habits. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

const captionRulesSchema = z.record(z.string().min(1), z.array(z.string().min(1)).min(1, 'at least one property name'));

/** Parses NEXO_CAPTION_RULES (JSON such as {"Phone":["number"]}); throws ConfigError with what is wrong. */
export function parseCaptionRules(text: string | undefined): CaptionRules {
  if (text === undefined || text.trim() === '') return defaultCaptionRules;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: NEXO_CAPTION_RULES is not JSON (${(error as Error).message})`);
  }
  const parsed = captionRulesSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${['NEXO_CAPTION_RULES', ...issue.path].join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return { ...parsed.data, '*': parsed.data['*'] ?? defaultCaptionRules['*']! };
}
