import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AccessSettings } from '../config.js';
import { AppError } from '../errors.js';

/** Compares secrets in constant time: hashing first makes the lengths equal. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Failed logins after which a client has to wait; a typo or two never locks anyone out. */
export const FREE_FAILURES = 5;
const MAX_WAIT_SECONDS = 15 * 60;
/** Clients remembered at most; past it the oldest are forgotten, so a flood of addresses cannot fill memory. */
const MAX_CLIENTS = 10_000;

/**
 * Counts failed logins per client. From FREE_FAILURES on, each failure makes the client wait twice as long as
 * the one before (1 s, 2 s, 4 s … up to 15 minutes), which turns thousands of guesses a second into a few an hour.
 */
export class LoginThrottle {
  private readonly clients = new Map<string, { failures: number; blockedUntil: number }>();

  /** Whole seconds the client must still wait; 0 when it may try. */
  waitSeconds(client: string, now = Date.now()): number {
    const entry = this.clients.get(client);
    return entry && entry.blockedUntil > now ? Math.ceil((entry.blockedUntil - now) / 1000) : 0;
  }

  failed(client: string, now = Date.now()): void {
    const entry = this.clients.get(client) ?? { failures: 0, blockedUntil: 0 };
    entry.failures += 1;
    if (entry.failures >= FREE_FAILURES) {
      entry.blockedUntil = now + Math.min(2 ** (entry.failures - FREE_FAILURES), MAX_WAIT_SECONDS) * 1000;
    }
    // Re-inserting keeps the Map in order of last failure, so the first key is the one to forget.
    this.clients.delete(client);
    this.clients.set(client, entry);
    if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }
}

/**
 * Requires the configured credentials on every route except /healthz. A token is accepted as
 * `Authorization: Bearer <token>` (API clients) or as the password of Basic auth (so a browser's
 * login prompt works for the UI). Without configured credentials it lets everything through:
 * config.ts only allows that when the server listens on loopback.
 */
export function requireCredentials(access: AccessSettings): RequestHandler {
  const { apiToken, basicAuth } = access;
  const throttle = new LoginThrottle();
  return (req, res, next) => {
    if ((!apiToken && !basicAuth) || req.path === '/healthz') {
      next();
      return;
    }
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = throttle.waitSeconds(client);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      next(new AppError(429, 'Too many failed logins', `Too many wrong credentials from this client; try again in ${wait} s.`));
      return;
    }
    const header = req.get('authorization') ?? '';
    const [scheme = '', value = ''] = header.split(' ', 2);
    let allowed = false;
    if (scheme.toLowerCase() === 'bearer' && apiToken) allowed = sameSecret(value, apiToken);
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      const password = decoded.slice(colon + 1);
      const tokenMatches = apiToken ? sameSecret(password, apiToken) : false;
      // Both comparisons always run, so timing does not tell which part was wrong.
      const basicMatches = basicAuth ? [sameSecret(user, basicAuth.user), sameSecret(password, basicAuth.password)].every(Boolean) : false;
      allowed = colon >= 0 && (tokenMatches || basicMatches);
    }
    if (allowed) {
      throttle.succeeded(client);
      next();
      return;
    }
    // A request without credentials is the browser asking for the login prompt, not a guess.
    if (header !== '') throttle.failed(client);
    res.setHeader('WWW-Authenticate', 'Basic realm="Nexo", charset="UTF-8"');
    next(new AppError(401, 'Unauthorized', 'This Nexo server requires credentials (an API token or a user and password).'));
  };
}

/** Query parameters whose values are secrets by their name alone. */
const secretParameter = /^(token|access_token|api_key|apikey|key|password|secret|auth|authorization)$/i;

/**
 * The URL as it may be logged: values of credential-like query parameters, and any configured secret
 * wherever it appears, replaced by [redacted]. Nexo never reads credentials from the URL, but clients send them.
 */
export function redactUrl(url: string, access: Pick<AccessSettings, 'apiToken' | 'basicAuth'>): string {
  const question = url.indexOf('?');
  let redacted =
    question < 0
      ? url
      : url.slice(0, question + 1) +
        url
          .slice(question + 1)
          .split('&')
          .map((pair) => {
            const equals = pair.indexOf('=');
            const name = equals < 0 ? pair : pair.slice(0, equals);
            return equals >= 0 && secretParameter.test(safeDecode(name)) ? `${name}=[redacted]` : pair;
          })
          .join('&');
  for (const secret of [access.apiToken, access.basicAuth?.password]) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) redacted = redacted.split(form).join('[redacted]');
  }
  return redacted;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
