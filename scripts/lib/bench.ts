// Pure helpers of `npm run bench`: statistics, the bundle analyzer's report, and the one-operation
// edit of the incremental rebuild.
import { dump, load } from 'js-yaml';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `value / base` with 2 decimals; `n/a` when the base is 0. */
export function ratio(value: number, base: number): string {
  return base === 0 ? 'n/a' : (value / base).toFixed(2);
}

/** One node of webpack-bundle-analyzer's JSON report (`-m json`): an asset, a folder or a module. */
export interface BundleReportNode {
  label: string;
  path?: string;
  statSize?: number;
  parsedSize?: number;
  gzipSize?: number;
  groups?: BundleReportNode[];
}

export interface ModuleSize {
  /** The module's path from the site folder; a module concatenated into another is named by its own path. */
  path: string;
  parsedBytes: number;
  gzipBytes: number;
}

function ownPath(reportPath: string): string {
  return (
    reportPath
      // `./a.js + 3 modules (concatenated)/node_modules/b.js` is b.js, concatenated into a.js.
      .split(' (concatenated)/')
      .at(-1)!
      .replace(/^\.?\//, '')
      // A site whose node_modules is a symlink (a test's copy of the site) finds them outside itself, named
      // from the site folder (`../../work/portal/node_modules/…`) or, beside it, without the `../`
      // (`tmp.x/portal/node_modules/…` for a copy in /tmp of a clone in /tmp).
      .replace(/^(?:\.\.\/)*(?:[^/]+\/)*?(?=node_modules\/)/, '')
  );
}

/** The modules of an asset (folders flattened, concatenated modules split), largest parsed size first. */
export function modulesOf(asset: BundleReportNode): ModuleSize[] {
  const modules: ModuleSize[] = [];
  const walk = (node: BundleReportNode) => {
    if (node.groups?.length) node.groups.forEach(walk);
    else if (node !== asset)
      modules.push({
        path: `./${ownPath(node.path ?? node.label)}`,
        parsedBytes: node.parsedSize ?? 0,
        gzipBytes: node.gzipSize ?? 0,
      });
  };
  walk(asset);
  return modules.sort((a, b) => b.parsedBytes - a.parsedBytes || a.path.localeCompare(b.path));
}

/** Docusaurus's entry bundle, `assets/js/main.<hash>.js`. */
export function mainAsset(report: readonly BundleReportNode[]): BundleReportNode {
  const main = report.find((asset) => /(^|\/)main\.[0-9a-f]+\.js$/.test(asset.label));
  if (!main) throw new Error(`No main.js in the bundle report (assets: ${report.map((a) => a.label).join(', ')})`);
  return main;
}

/** The asset that holds the largest share of modules whose path matches `pattern` (e.g. Redoc's chunk). */
export function assetHolding(report: readonly BundleReportNode[], pattern: RegExp): BundleReportNode | null {
  let best: { asset: BundleReportNode; bytes: number } | null = null;
  for (const asset of report) {
    const bytes = modulesOf(asset)
      .filter((module) => pattern.test(module.path))
      .reduce((sum, module) => sum + module.parsedBytes, 0);
    if (bytes > 0 && (!best || bytes > best.bytes)) best = { asset, bytes };
  }
  return best?.asset ?? null;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Changes the summary and description of operation `operationId` in the text of one OpenAPI file (a
 * whole document, or a path item file of a split spec) and returns the new text; null if the file
 * does not define that operation. JSON stays JSON; YAML is written back as YAML (comments dropped).
 */
export function editOperationText(text: string, operationId: string, marker: string): string | null {
  const json = text.trimStart().startsWith('{');
  const document = (json ? JSON.parse(text) : load(text)) as Record<string, unknown> | null;
  if (!document || typeof document !== 'object') return null;
  const pathItems = document.paths && typeof document.paths === 'object' ? Object.values(document.paths) : [document];
  const operation = pathItems
    .flatMap((item) => HTTP_METHODS.map((method) => (item as Record<string, unknown> | null)?.[method]))
    .find(
      (candidate): candidate is Record<string, unknown> =>
        !!candidate &&
        typeof candidate === 'object' &&
        (candidate as { operationId?: unknown }).operationId === operationId,
    );
  if (!operation) return null;
  operation.summary = `${typeof operation.summary === 'string' ? operation.summary : operationId} ${marker}`;
  operation.description = `${typeof operation.description === 'string' ? `${operation.description}\n\n` : ''}${marker}`;
  return json ? `${JSON.stringify(document, null, 2)}\n` : dump(document, { lineWidth: -1, noRefs: true });
}
