import type { AppContext } from './app.js';
import type { AnyRoute } from './http/route.js';
import { schemaRoutes } from './features/schema/schema.routes.js';
import { searchRoutes } from './features/search/search.routes.js';

/** Every API route, in the order the OpenAPI document lists them. Each feature contributes its own. */
export function apiRoutes(context: AppContext): AnyRoute[] {
  return [
    ...searchRoutes(context),
    ...schemaRoutes(context),
  ];
}
