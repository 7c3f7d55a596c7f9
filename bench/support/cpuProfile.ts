import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A V8 CPU profile as `node --cpu-prof` writes it. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  /** Microseconds on the monotonic clock, as process.hrtime in another process on the same machine (CLOCK_MONOTONIC). */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Now on the clock of profile timestamps, in microseconds. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Where a request's CPU goes, by the code that ran (self time of each sampled function): the first rule whose test
 * matches names the share. Order matters: a driver or Express frame is what it is, wherever it was called from.
 */
const SHARES: [string, (functionName: string, url: string) => boolean][] = [
  ['garbage collection', (name) => name === '(garbage collector)'],
  ['neo4j driver (Bolt)', (_name, url) => /neo4j-driver/.test(url)],
  ['validation (zod)', (_name, url) => /node_modules\/zod\//.test(url)],
  ['request logging (pino)', (_name, url) => /pino|sonic-boom|thread-stream|fast-redact|quick-format/.test(url)],
  ['compression', (_name, url) => /node_modules\/compression\/|node:zlib|internal\/zlib/.test(url)],
  ['security headers (helmet)', (_name, url) => /node_modules\/helmet\//.test(url)],
  ['rate limit, CORS', (_name, url) => /express-rate-limit|node_modules\/cors\//.test(url)],
  [
    'routing, ETag, response (Express)',
    (_name, url) =>
      /node_modules\/(express|router|path-to-regexp|body-parser|finalhandler|send|serve-static|qs|on-finished|on-headers|etag|fresh|content-type|content-disposition|mime|mime-types|type-is|accepts|negotiator|vary|depd|parseurl|encodeurl|escape-html|statuses|http-errors|setprototypeof|range-parser|cookie|merge-descriptors|utils-merge|proxy-addr|forwarded|ipaddr\.js|debug|ms|raw-body|iconv-lite|bytes)\//.test(
        url,
      ),
  ],
  ['JSON (parse, stringify)', (name) => name === 'stringify' || name === 'parse' || name === 'JSONStringify' || name === 'JSONParse'],
  [
    'HTTP and sockets (Node)',
    (_name, url) => /node:(_http|http|net|stream|internal\/(http|stream|streams|net|js_stream|timers))|_http_|internal\/(streams|http)/.test(url),
  ],
  ['Nexo server code', (_name, url) => url.includes('/server/')],
  ['tsx, source maps', (_name, url) => /node_modules\/(tsx|source-map|@jridgewell)|node:internal\/source_map/.test(url)],
  ['V8 and native (program)', (name) => name === '(program)'],
  ['other Node internals', (_name, url) => url.startsWith('node:')],
  ['other JavaScript', () => true],
];

export interface CpuShare {
  share: string;
  ms: number;
  percent: number;
}

/** The busy time of the profiles in `dir` (idle left out) between two monotonicMicros() readings, split into SHARES, largest first. */
export function cpuShares(dir: string, fromMicros: number, toMicros: number): { busyMs: number; shares: CpuShare[] } {
  const totals = new Map<string, number>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const shareOf = new Map<number, string | undefined>();
    for (const node of profile.nodes) {
      const { functionName, url } = node.callFrame;
      shareOf.set(node.id, functionName === '(idle)' ? undefined : SHARES.find(([, test]) => test(functionName, url))![0]);
    }
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      const delta = profile.timeDeltas[index] ?? 0;
      at += delta;
      const share = shareOf.get(id);
      if (share && at >= fromMicros && at <= toMicros) totals.set(share, (totals.get(share) ?? 0) + delta / 1000);
    });
  }
  const busyMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const shares = [...totals].map(([share, ms]) => ({ share, ms: Math.round(ms), percent: Math.round((ms / busyMs) * 1000) / 10 })).sort((a, b) => b.ms - a.ms);
  return { busyMs: Math.round(busyMs), shares };
}
