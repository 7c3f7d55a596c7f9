import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/testDatabase.js';
import { createApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { FREE_FAILURES, LoginThrottle } from './access.js';

const db = openTestDatabase();
const TOKEN = 'a-test-token-of-enough-length';
let server: Server | undefined;

async function serve(env: Record<string, string>): Promise<string> {
  const app = createApp({ db, config: loadConfig(env), logger: pino({ level: 'silent' }), readiness: { ready: true, reason: 'test' } });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});
afterAll(() => db.close());

describe('binding', () => {
  it('refuses to listen beyond loopback without credentials', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/NEXO_API_TOKEN or NEXO_BASIC_AUTH/);
  });

  it('listens beyond loopback once a token or a user and password is set', () => {
    expect(loadConfig({ HOST: '0.0.0.0', NEXO_API_TOKEN: TOKEN }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0', NEXO_BASIC_AUTH: 'analyst:long-password' }).access.basicAuth?.user).toBe('analyst');
  });

  it('rejects a short token rather than accepting a weak one', () => {
    expect(() => loadConfig({ NEXO_API_TOKEN: 'short' })).toThrow(/NEXO_API_TOKEN/);
  });

  it.each([
    ['a password of digits in a row', { NEXO_BASIC_AUTH: 'u:12345678' }, /NEXO_BASIC_AUTH: the password is too easy to guess/],
    ['a token of 16 identical characters', { NEXO_API_TOKEN: 'a'.repeat(16) }, /NEXO_API_TOKEN: the token is too easy to guess/],
    ['a token of spaces', { NEXO_API_TOKEN: ' '.repeat(16) }, /NEXO_API_TOKEN: the token is too easy to guess/],
    ['a password of spaces', { NEXO_BASIC_AUTH: 'u:' + ' '.repeat(12) }, /NEXO_BASIC_AUTH: the password is too easy to guess/],
  ])('refuses to start with %s, saying why in one line', (_case, env, why) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(why);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('accepts random-looking secrets', () => {
    expect(loadConfig({ NEXO_API_TOKEN: '9f3Kq2LmZx81RtPw' }).access.apiToken).toBe('9f3Kq2LmZx81RtPw');
    expect(loadConfig({ NEXO_BASIC_AUTH: 'analyst:tulip-7-Harbor' }).access.basicAuth?.password).toBe('tulip-7-Harbor');
  });

  it('refuses NEXO_CORS_ORIGINS=* with a message instead of silently allowing no origin', () => {
    expect(() => loadConfig({ NEXO_CORS_ORIGINS: '*' })).toThrow(/NEXO_CORS_ORIGINS: "\*" is not supported/);
    expect(() => loadConfig({ NEXO_CORS_ORIGINS: 'https://newsroom.example, *' })).toThrow(/NEXO_CORS_ORIGINS/);
  });
});

describe('with an API token configured', () => {
  it('answers 401 problem+json with a Basic challenge when credentials are missing or wrong', async () => {
    const base = await serve({ NEXO_API_TOKEN: TOKEN });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-wrong-token' },
      { authorization: 'Basic ' + Buffer.from('x:nope').toString('base64') },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${base}/readyz`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('lets the token in as a bearer token or as a Basic password, and keeps /healthz open', async () => {
    const base = await serve({ NEXO_API_TOKEN: TOKEN });
    expect((await fetch(`${base}/readyz`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const basic = 'Basic ' + Buffer.from(`anyone:${TOKEN}`).toString('base64');
    expect((await fetch(`${base}/readyz`, { headers: { authorization: basic } })).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('headers', () => {
  it('sends security headers and a Content-Security-Policy', async () => {
    const base = await serve({});
    const response = await fetch(`${base}/healthz`);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps CORS closed unless origins are configured, then opens it to those only', async () => {
    let base = await serve({});
    let response = await fetch(`${base}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await new Promise((resolve) => server!.close(resolve));
    base = await serve({ NEXO_CORS_ORIGINS: 'https://newsroom.example' });
    response = await fetch(`${base}/healthz`, { headers: { origin: 'https://newsroom.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
    response = await fetch(`${base}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('failed logins', () => {
  const wrong = { authorization: 'Bearer wrong-token-wrong-token' };

  it('are throttled per client with exponential back-off: 429 problem+json with Retry-After, the right token waits too', async () => {
    const base = await serve({ NEXO_API_TOKEN: TOKEN });
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= FREE_FAILURES; attempt++) statuses.push((await fetch(`${base}/readyz`, { headers: wrong })).status);
    expect(statuses).toEqual([...Array<number>(FREE_FAILURES).fill(401), 429]);

    const throttled = await fetch(`${base}/readyz`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const firstWait = Number(throttled.headers.get('retry-after'));
    expect(firstWait).toBeGreaterThanOrEqual(1);
    expect(await throttled.json()).toMatchObject({ status: 429, title: 'Too many failed logins' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('doubles the wait after each failure past the free ones, and forgets them after a success', () => {
    const throttle = new LoginThrottle();
    const at = 1_000_000;
    for (let attempt = 1; attempt < FREE_FAILURES; attempt++) throttle.failed('10.0.0.1', at);
    expect(throttle.waitSeconds('10.0.0.1', at)).toBe(0);
    throttle.failed('10.0.0.1', at);
    const first = throttle.waitSeconds('10.0.0.1', at);
    expect(first).toBeGreaterThan(0);
    throttle.failed('10.0.0.1', at + first * 1000);
    expect(throttle.waitSeconds('10.0.0.1', at + first * 1000)).toBe(first * 2);
    expect(throttle.waitSeconds('10.0.0.2', at)).toBe(0);
    throttle.succeeded('10.0.0.1');
    expect(throttle.waitSeconds('10.0.0.1', at)).toBe(0);
  });
});

describe('request logs', () => {
  it('never carry a token sent in the query string', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const app = createApp({ db, config: loadConfig({ NEXO_API_TOKEN: TOKEN }), logger, readiness: { ready: true, reason: 'test' } });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    await fetch(`${base}/api/search?q=guzman&token=${TOKEN}`);
    await fetch(`${base}/api/search?access_token=${TOKEN}&q=guzman`);

    expect(lines.filter((line) => line.includes('/api/search'))).toHaveLength(2);
    expect(lines.join('')).not.toContain(TOKEN);
    expect(lines.join('')).toContain('q=guzman');
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json once a client exceeds its console and path budget', async () => {
    const base = await serve({ NEXO_RATE_LIMIT_PER_MINUTE: '2' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/api/paths?from=a&to=b`);
      statuses.push(response.status);
    }
    expect(statuses[2]).toBe(429);
    expect(statuses.slice(0, 2)).not.toContain(429);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('behind a reverse proxy', () => {
  const ask = (base: string, client: string) =>
    fetch(`${base}/api/paths?from=a&to=b`, { headers: { 'x-forwarded-for': client } }).then((response) => response.status);

  it('budgets each forwarded client on its own once the proxy is trusted', async () => {
    const base = await serve({ NEXO_RATE_LIMIT_PER_MINUTE: '1', NEXO_TRUST_PROXY: 'loopback' });
    expect(await ask(base, '203.0.113.1')).not.toBe(429);
    expect(await ask(base, '203.0.113.2')).not.toBe(429);
    expect(await ask(base, '203.0.113.1')).toBe(429);
  });

  it('ignores X-Forwarded-For when no proxy is trusted, so a client cannot pick the address it is counted as', async () => {
    const base = await serve({ NEXO_RATE_LIMIT_PER_MINUTE: '1' });
    expect(await ask(base, '203.0.113.1')).not.toBe(429);
    expect(await ask(base, '203.0.113.2')).toBe(429);
  });

  it('refuses to trust every X-Forwarded-For', () => {
    expect(() => loadConfig({ NEXO_TRUST_PROXY: 'true' })).toThrow(/NEXO_TRUST_PROXY/);
    expect(loadConfig({ NEXO_TRUST_PROXY: '1' }).access.trustProxy).toBe(1);
    expect(loadConfig({ NEXO_TRUST_PROXY: '10.0.0.0/8, loopback' }).access.trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
  });
});
