import type { AppContext } from './appContext.js';
import type { AnyRoute } from './http/route.js';
import { analysisRoutes } from './features/analysis/analysis.routes.js';
import { captionsRoutes } from './features/captions/captions.routes.js';
import { datasetsRoutes } from './features/datasets/datasets.routes.js';
import { consoleRoutes } from './features/console/console.routes.js';
import { exportRoutes } from './features/export/export.routes.js';
import { degreesRoutes } from './features/degrees/degrees.routes.js';
import { neighboursRoutes } from './features/neighbours/neighbours.routes.js';
import { nodesRoutes } from './features/nodes/nodes.routes.js';
import { pathsRoutes } from './features/paths/paths.routes.js';
import { schemaRoutes } from './features/schema/schema.routes.js';
import { searchRoutes } from './features/search/search.routes.js';
import { sourcesRoutes } from './features/sources/sources.routes.js';
import { subgraphRoutes } from './features/subgraph/subgraph.routes.js';
import { uploadsRoutes } from './features/uploads/uploads.routes.js';

/** Every API route, in the order the OpenAPI document lists them. Each feature contributes its own. */
export function apiRoutes(context: AppContext): AnyRoute[] {
  return [
    ...datasetsRoutes(context),
    ...captionsRoutes(context),
    ...uploadsRoutes(context),
    ...exportRoutes(context),
    ...searchRoutes(context),
    ...nodesRoutes(context),
    ...neighboursRoutes(context),
    ...subgraphRoutes(context),
    ...degreesRoutes(context),
    ...schemaRoutes(context),
    ...sourcesRoutes(context),
    ...pathsRoutes(context),
    ...analysisRoutes(context),
    ...consoleRoutes(context),
  ];
}
