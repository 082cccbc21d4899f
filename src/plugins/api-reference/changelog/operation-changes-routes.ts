/**
 * The compare views (`/reference/changelog/operations/{operationId}`): one pre-rendered page per
 * operation with its default pair of revisions. Like the reference's entry pages, the browser gets
 * them folded into one parametric route (client-routes.ts) whose page data is embedded in the HTML
 * or fetched from `reference-data/`, so hundreds of operations add nothing to every page's bundle.
 */
import type { PluginContentLoadedActions } from '@docusaurus/types';
import { OPERATION_CHANGES_ROUTE, operationChangesDataPath, operationChangesUrl } from '../routes';
import type { CollapsedRouteGroup } from '../client-routes';
import type { OperationChangesData } from './types';

const COMPONENT = '@theme/ApiChangelog/OperationChangesPage';

export async function addOperationChangesRoutes(
  comparisons: ReadonlyMap<string, OperationChangesData>,
  {
    createData,
    addRoute,
    routePath,
  }: {
    createData: (name: string, data: string) => Promise<string>;
    /** Takes site-relative paths (the caller adds the baseUrl). */
    addRoute: PluginContentLoadedActions['addRoute'];
    routePath: (url: string) => string;
  },
): Promise<{ folded: CollapsedRouteGroup | null; dataFiles: [outputPath: string, source: string][] }> {
  const folded: CollapsedRouteGroup = { path: routePath(OPERATION_CHANGES_ROUTE), pages: [], dataModules: ['data'] };
  const dataFiles: [string, string][] = [];
  for (const [operationId, data] of comparisons) {
    const dataPath = await createData(`operation-changes-${operationId}.json`, JSON.stringify(data));
    const url = operationChangesUrl(operationId);
    addRoute({ path: url, component: COMPONENT, exact: true, modules: { data: dataPath } });
    folded.pages.push(routePath(url));
    dataFiles.push([operationChangesDataPath(operationId), dataPath]);
  }
  return { folded: folded.pages.length > 0 ? folded : null, dataFiles };
}
