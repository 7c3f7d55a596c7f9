import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AccessSettings } from '../config.js';
import { AppError } from '../errors.js';

/** Compares secrets in constant time: hashing first makes the lengths equal. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Requires the configured credentials on every route except /healthz. A token is accepted as
 * `Authorization: Bearer <token>` (API clients) or as the password of Basic auth (so a browser's
 * login prompt works for the UI). Without configured credentials it lets everything through:
 * config.ts only allows that when the server listens on loopback.
 */
export function requireCredentials(access: AccessSettings): RequestHandler {
  const { apiToken, basicAuth } = access;
  return (req, res, next) => {
    if ((!apiToken && !basicAuth) || req.path === '/healthz') {
      next();
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
      next();
      return;
    }
    res.setHeader('WWW-Authenticate', 'Basic realm="Nexo", charset="UTF-8"');
    next(new AppError(401, 'Unauthorized', 'This Nexo server requires credentials (an API token or a user and password).'));
  };
}
