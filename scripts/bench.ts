// `npm run bench [-- <specs folder> [--stock]]`: builds the portal from the project's specs, from
// SPECS_DIR (or the folder given) and from that folder's latest revision alone, then measures pages
// in Chromium. `--stock` also builds stock redocusaurus on that latest revision, for comparison.
// Prints `name: value` lines.
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { discoverRevisions } from '../src/plugins/api-reference/spec/revisions';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from './browser';
import { serveBuild } from './serve-build';
import { measureSearch } from './bench-search';
import { measurePage, type PageFigures } from './measure-page';
import { countHtml, runMeasured } from './measure-process';
import { measureStockRedocusaurus } from './bench-stock';
import { measureCards, printCardFigures } from './bench-cards';
import { isMain } from './lib/main';

const USAGE = `Usage: npm run bench [-- <specs folder> [--stock]]
Builds the portal from specs/, from the folder given (or SPECS_DIR) and from that folder's latest
revision alone, and prints build and page figures as \`name: value\` lines. --stock adds a build of
stock redocusaurus on that latest revision. Takes minutes.`;

const root = path.resolve(__dirname, '..');

interface TargetResult {
  buildSeconds: number;
  /** Bytes downloaded, per page label. */
  pageBytes: Record<string, number>;
}

/** Each load in a fresh context (cold cache); blocking time varies from load to load, so the median of three. */
async function measurePageMedian(browser: Browser, url: string, runs = 3): Promise<PageFigures> {
  const all: PageFigures[] = [];
  for (let run = 0; run < runs; run++) all.push(await measurePage(browser, url));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    bytes: median(all.map((figures) => figures.bytes)),
    domNodes: median(all.map((figures) => figures.domNodes)),
    tbt: median(all.map((figures) => figures.tbt)),
    heapMb: median(all.map((figures) => figures.heapMb)),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const withStock = args.includes('--stock');
  const extra = args.find((arg) => !arg.startsWith('--')) ?? process.env.SPECS_DIR;
  const targets: [name: string, specsDir: string][] = [['project', path.join(root, 'specs')]];
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-specs-'));
  let latestSpecFile: string | null = null;
  if (extra) {
    const specsDir = path.resolve(extra);
    targets.push(['specs_dir', specsDir]);
    // The scale goals are stated for one revision of the spec: the latest, alone.
    const latest = discoverRevisions(specsDir)[0]!;
    symlinkSync(path.join(specsDir, latest.revision), path.join(scratch, latest.revision));
    targets.push(['specs_dir_latest_only', scratch]);
    latestSpecFile = latest.entryFile;
  }
  const results: Record<string, TargetResult> = {};

  const executablePath = await findChromium();
  if (!executablePath) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }

  for (const [name, specsDir] of targets) {
    if (!existsSync(specsDir)) throw new Error(`No specs folder at ${specsDir}`);
    const outDir = mkdtempSync(path.join(tmpdir(), `bench-${name}-`));
    // Cold: no generated files and no bundler cache (rspack's persistent cache lives in node_modules/.cache).
    rmSync(path.join(root, '.docusaurus'), { recursive: true, force: true });
    rmSync(path.join(root, 'node_modules', '.cache'), { recursive: true, force: true });
    const build = await runMeasured(path.join(root, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', outDir], {
      cwd: root,
      env: { SPECS_DIR: specsDir },
    });
    console.log(`${name}.specs_dir: ${specsDir}`);
    console.log(`${name}.cold_build_seconds: ${build.seconds.toFixed(1)}`);
    const result: TargetResult = { buildSeconds: build.seconds, pageBytes: {} };
    results[name] = result;
    console.log(`${name}.build_peak_memory_mb: ${build.peakMb.toFixed(0)}`);
    console.log(`${name}.page_count: ${countHtml(outDir)}`);
    // The operation cards (og:image) alone, cold and from the cache; the cold build above includes them cold.
    printCardFigures(name, await measureCards(specsDir));
    const operationPage = readdirSync(path.join(outDir, 'reference')).includes('get_profiles.html')
      ? '/reference/get_profiles'
      : null;
    const port = 3900 + targets.findIndex(([n]) => n === name);
    const server = await serveBuild(outDir, port);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const pages: [label: string, pagePath: string][] = [['guide_page', '/docs/guides/understanding-customer-data']];
      if (operationPage) pages.push(['operation_page', operationPage]);
      for (const [label, pagePath] of pages) {
        const figures = await measurePageMedian(browser, `http://localhost:${port}${pagePath}`);
        console.log(`${name}.${label}.path: ${pagePath}`);
        console.log(`${name}.${label}.bytes_downloaded: ${figures.bytes}`);
        result.pageBytes[label] = figures.bytes;
        const projectBytes = results.project?.pageBytes[label];
        if (name !== 'project' && label === 'guide_page' && projectBytes) {
          console.log(
            `${name}.${label}.bytes_vs_project_percent: ${((figures.bytes / projectBytes - 1) * 100).toFixed(2)}`,
          );
        }
        console.log(`${name}.${label}.dom_nodes: ${figures.domNodes}`);
        console.log(`${name}.${label}.total_blocking_time_ms: ${figures.tbt}`);
        console.log(`${name}.${label}.js_heap_mb: ${figures.heapMb.toFixed(1)}`);
      }
      const search = await measureSearch(browser, `http://localhost:${port}/`);
      console.log(`${name}.search_index_bytes: ${search.indexBytes}`);
      console.log(`${name}.search_ms_to_results: ${search.msToResults}`);
      console.log(`${name}.search_index_loaded_on_page_load: ${search.loadedOnPageLoad}`);
    } finally {
      await browser.close();
      server.kill();
      rmSync(outDir, { recursive: true, force: true });
    }
  }

  const ours = results.specs_dir_latest_only;
  if (withStock && latestSpecFile && ours) {
    const stock = await measureStockRedocusaurus(root, latestSpecFile);
    console.log(`stock_redocusaurus.spec: ${latestSpecFile}`);
    console.log(`stock_redocusaurus.heap_limit_mb: ${stock.heapMb}`);
    console.log(`stock_redocusaurus.cold_build_seconds: ${stock.seconds.toFixed(1)}`);
    console.log(`stock_redocusaurus.build_peak_memory_mb: ${stock.peakMb.toFixed(0)}`);
    console.log(`stock_redocusaurus.page_count: ${stock.pages}`);
    console.log(
      `specs_dir_latest_only.cold_build_vs_stock_percent: ${((ours.buildSeconds / stock.seconds - 1) * 100).toFixed(1)}`,
    );
  }
  rmSync(scratch, { recursive: true, force: true });
}

if (isMain(__filename)) void main();
