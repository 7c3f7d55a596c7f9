import type { AppContext } from './app.js';
import type { AnyRoute } from './http/route.js';

/** Every API route, in the order the OpenAPI document lists them. Each feature contributes its own. */
export function apiRoutes(_context: AppContext): AnyRoute[] {
  return [];
}
