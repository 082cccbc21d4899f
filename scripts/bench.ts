// `npm run bench [-- <specs folder>] [--stock]`: builds the portal and measures it. See USAGE.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { discoverRevisions } from '../src/plugins/api-reference/spec/revisions';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from './browser';
import { serveBuild } from './serve-build';
import { measureSearch } from './bench-search';
import { expandSchemaRow, measurePage, type MeasureOptions, type PageFigures } from './measure-page';
import { countHtml, runMeasured, type MeasuredRun } from './measure-process';
import { measureStockRedocusaurus } from './bench-stock';
import { analyzeBundle } from './bench-bundle';
import { measureCards, printCardFigures } from './bench-cards';
import { measureDevReload } from './bench-dev-reload';
import {
  assetHolding,
  editOperationText,
  mainAsset,
  median,
  modulesOf,
  ratio,
  type BundleReportNode,
} from './lib/bench';
import { isMain } from './lib/main';

const USAGE = `Usage: npm run bench [-- <specs folder>] [--stock] [--runs N] [--pairs N]

Builds the portal and prints \`name: value\` lines (also written to bench-results/bench.txt, with
each build's bundle report as bench-results/<target>.bundle-report.json).

Targets:
  project            the project's specs/ (every revision)
  specs_dir_latest   the latest revision of <specs folder> alone (or of $SPECS_DIR)
  specs_dir          every revision of <specs folder>: cold build time and peak RSS only

For project and specs_dir_latest:
  cold build (bundler cache and generated files removed first): seconds, peak RSS of the process tree
  incremental rebuild: one operation's summary and description changed in a copy of the specs, built
                       again with the same caches: seconds, peak RSS, and both as a ratio to the cold build
  dev server: docusaurus start on the copy, then three edits of that operation, 10 s apart: seconds
              until each shows in the open page (median too)
  bundle: main.js and Redoc's chunk, parsed and gzip bytes, their 15 largest modules
  pages (guide, operation get_profiles, tag, landing, home), each the median of --runs cold loads:
    gzip bytes of all responses, bytes as served, JS bytes run, total blocking time (also with the CPU
    4x slower through CDP), DOM nodes, CLS, all of the load; on the operation page the first collapsed
    schema row is then clicked: its time, bytes and JS bytes are printed apart, and CLS covers it too
  ratios: operation page / guide page for JS bytes and TBT

Options:
  --stock     also build stock redocusaurus on the last target's latest revision, alternating with our
              own cold build (A/B/A/B, --pairs times each), and print medians and ours/stock ratios
  --runs N    page loads per figure (default 3)
  --pairs N   A/B pairs with --stock (default 2)
  -h, --help  this text

Takes a few minutes on the project's specs, much longer on a large spec and with --stock. Times depend
on the machine's load: compare the ratios within one run.`;

const root = path.resolve(__dirname, '..');
const resultsDir = path.join(root, 'bench-results');
const docusaurus = path.join(root, 'node_modules/.bin/docusaurus');
/** The operation the figures are stated for; its page, its edit in the incremental rebuild. */
const OPERATION_ID = 'get_profiles';
const PAGE_TYPES: [label: string, pagePath: string][] = [
  ['guide_page', '/docs/guides/understanding-customer-data'],
  ['operation_page', `/reference/${OPERATION_ID}`],
  ['tag_page', '/reference/profiles'],
  ['landing_page', '/reference'],
  ['home', '/'],
];
const CPU_THROTTLING = 4;
const TOP_MODULES = 15;
const REDOC_MODULE = /\/node_modules\/redoc\//;

const lines: string[] = [];
function emit(name: string, value: string | number | boolean): void {
  const line = `${name}: ${value}`;
  lines.push(line);
  console.log(line);
}

/** Removes what makes a build warm: Docusaurus's generated files and the caches in node_modules/.cache. */
function clearCaches(): void {
  rmSync(path.join(root, '.docusaurus'), { recursive: true, force: true });
  rmSync(path.join(root, 'node_modules', '.cache'), { recursive: true, force: true });
}

/** A production build of the site from `specsDir`, with Node's default heap. Out dirs stay inside the
 * site: the server bundle requires its externals from the site's node_modules. */
function build(specsDir: string, outDir: string, env: NodeJS.ProcessEnv = {}): Promise<MeasuredRun> {
  return runMeasured(docusaurus, ['build', '--out-dir', outDir], {
    cwd: root,
    env: { SPECS_DIR: specsDir, NODE_OPTIONS: '', ...env },
  });
}

/** A writable copy of revision folders (fixtures may be read-only), symlinks followed. */
function copyRevisions(revisionDirs: string[]): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'bench-specs-'));
  for (const dir of revisionDirs) execFileSync('cp', ['-rL', '--no-preserve=mode', dir, copy]);
  return copy;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Changes one operation's summary and description in the latest revision of a specs copy. */
function editOneOperation(
  specsDir: string,
  marker = `Edited by npm run bench at ${new Date().toISOString()}.`,
): string {
  const latest = discoverRevisions(specsDir)[0]!;
  for (const file of filesUnder(path.dirname(latest.entryFile)).filter((f) => /\.(ya?ml|json)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(OPERATION_ID)) continue;
    const edited = editOperationText(text, OPERATION_ID, marker);
    if (edited) {
      writeFileSync(file, edited);
      return path.relative(specsDir, file);
    }
  }
  throw new Error(`No operation ${OPERATION_ID} in ${path.dirname(latest.entryFile)}`);
}

function emitBundle(name: string, report: BundleReportNode[]): void {
  const chunks: [label: string, asset: BundleReportNode | null][] = [
    ['main_js', mainAsset(report)],
    ['redoc_chunk', assetHolding(report, REDOC_MODULE)],
  ];
  for (const [label, asset] of chunks) {
    if (!asset) {
      emit(`${name}.${label}`, 'absent');
      continue;
    }
    emit(`${name}.${label}.file`, asset.label);
    emit(`${name}.${label}.bytes`, asset.parsedSize ?? 0);
    emit(`${name}.${label}.gzip_bytes`, asset.gzipSize ?? 0);
    modulesOf(asset)
      .slice(0, TOP_MODULES)
      .forEach((module, index) =>
        emit(
          `${name}.${label}.top_module_${String(index + 1).padStart(2, '0')}`,
          `${module.path} ${module.parsedBytes} bytes, ${module.gzipBytes} gzip`,
        ),
      );
  }
}

/** Median of each figure over `runs` cold loads. */
async function measureMedian(browser: Browser, url: string, runs: number, options: MeasureOptions) {
  const all: PageFigures[] = [];
  for (let run = 0; run < runs; run++) all.push(await measurePage(browser, url, options));
  const of = (figure: (figures: PageFigures) => number) => median(all.map(figure));
  const interactions = all.flatMap((figures) => (figures.interaction ? [figures.interaction] : []));
  return {
    gzipBytes: of((f) => f.gzipBytes),
    bytes: of((f) => f.bytes),
    jsBytes: of((f) => f.jsBytes),
    tbt: of((f) => f.tbt),
    domNodes: of((f) => f.domNodes),
    cls: of((f) => f.cls),
    maxCls: Math.max(...all.map((f) => f.cls)),
    heapMb: of((f) => f.heapMb),
    interaction: interactions.length
      ? {
          target: interactions[0]!.target,
          completed: `${interactions.filter((i) => i.completed).length}/${interactions.length}`,
          ms: median(interactions.map((i) => i.ms)),
          bytes: median(interactions.map((i) => i.bytes)),
          jsBytes: median(interactions.map((i) => i.jsBytes)),
        }
      : null,
  };
}

async function measurePages(name: string, outDir: string, port: number, browser: Browser, runs: number) {
  const server = await serveBuild(outDir, port);
  const figures: Record<string, { jsBytes: number; tbt: number; tbtThrottled: number; gzipBytes: number }> = {};
  try {
    for (const [label, pagePath] of PAGE_TYPES) {
      const key = `${name}.${label}`;
      if (!existsSync(path.join(outDir, pagePath === '/' ? 'index.html' : `${pagePath}.html`))) {
        emit(key, `absent (${pagePath})`);
        continue;
      }
      const url = `http://localhost:${port}${pagePath}`;
      const interact = label === 'operation_page' ? expandSchemaRow : undefined;
      const normal = await measureMedian(browser, url, runs, { interact });
      const throttled = await measureMedian(browser, url, runs, { interact, cpuThrottlingRate: CPU_THROTTLING });
      emit(`${key}.path`, pagePath);
      emit(`${key}.gzip_bytes`, normal.gzipBytes);
      emit(`${key}.bytes_as_served`, normal.bytes);
      emit(`${key}.js_bytes`, normal.jsBytes);
      emit(`${key}.tbt_ms`, normal.tbt);
      emit(`${key}.tbt_ms_cpu${CPU_THROTTLING}x`, throttled.tbt);
      emit(`${key}.dom_nodes`, normal.domNodes);
      emit(`${key}.cls`, normal.cls.toFixed(4));
      emit(`${key}.cls_max`, Math.max(normal.maxCls, throttled.maxCls).toFixed(4));
      emit(`${key}.js_heap_mb`, normal.heapMb.toFixed(1));
      if (normal.interaction) {
        emit(`${key}.interaction.target`, normal.interaction.target ?? 'none found');
        emit(`${key}.interaction.completed`, normal.interaction.completed);
        emit(`${key}.interaction.ms`, normal.interaction.ms);
        emit(`${key}.interaction.ms_cpu${CPU_THROTTLING}x`, throttled.interaction?.ms ?? 'n/a');
        emit(`${key}.interaction.bytes`, normal.interaction.bytes);
        emit(`${key}.interaction.js_bytes`, normal.interaction.jsBytes);
      }
      figures[label] = { ...normal, tbtThrottled: throttled.tbt };
    }
    const [operation, guide] = [figures.operation_page, figures.guide_page];
    if (operation && guide) {
      emit(`${name}.operation_vs_guide.js_bytes_ratio`, ratio(operation.jsBytes, guide.jsBytes));
      emit(`${name}.operation_vs_guide.gzip_bytes_ratio`, ratio(operation.gzipBytes, guide.gzipBytes));
      emit(`${name}.operation_vs_guide.tbt_ratio`, ratio(operation.tbt, guide.tbt));
      emit(
        `${name}.operation_vs_guide.tbt_cpu${CPU_THROTTLING}x_ratio`,
        ratio(operation.tbtThrottled, guide.tbtThrottled),
      );
    }
    const search = await measureSearch(browser, `http://localhost:${port}/`);
    emit(`${name}.search_index_bytes`, search.indexBytes);
    emit(`${name}.search_ms_to_results`, search.msToResults);
    emit(`${name}.search_index_loaded_on_page_load`, search.loadedOnPageLoad);
  } finally {
    server.kill();
  }
}

/** Cold build, bundle report, pages, then the incremental rebuild of one edited operation. */
async function benchTarget(name: string, revisionDirs: string[], port: number, browser: Browser, runs: number) {
  const specsDir = copyRevisions(revisionDirs);
  const outDir = path.join(resultsDir, `build-${name}`);
  const statsFile = path.join(resultsDir, `${name}.bundle-stats.json`);
  // Set for both builds: the bundler's cache is only reused by an identical configuration.
  const env = { BUNDLE_STATS_FILE: statsFile };
  try {
    emit(`${name}.specs`, revisionDirs.join(', '));
    clearCaches();
    const cold = await build(specsDir, outDir, env);
    emit(`${name}.cold_build_seconds`, cold.seconds.toFixed(1));
    emit(`${name}.cold_build_peak_rss_mb`, cold.peakMb.toFixed(0));
    emit(`${name}.page_count`, countHtml(outDir));
    emitBundle(name, analyzeBundle(statsFile, outDir, path.join(resultsDir, `${name}.bundle-report.json`)));
    await measurePages(name, outDir, port, browser, runs);

    emit(`${name}.incremental.edited_file`, editOneOperation(specsDir));
    const rebuild = await build(specsDir, outDir, env);
    emit(`${name}.incremental.rebuild_seconds`, rebuild.seconds.toFixed(1));
    emit(`${name}.incremental.rebuild_vs_cold_ratio`, ratio(rebuild.seconds, cold.seconds));
    emit(`${name}.incremental.rebuild_peak_rss_mb`, rebuild.peakMb.toFixed(0));
    emit(`${name}.incremental.rebuild_vs_cold_peak_rss_ratio`, ratio(rebuild.peakMb, cold.peakMb));
    const devReload = await measureDevReload({
      siteDir: root,
      specsDir,
      port: port + 100,
      browser,
      pagePath: `/reference/${OPERATION_ID}`,
      edit: (marker) => editOneOperation(specsDir, marker),
    });
    emit(`${name}.dev_server.ready_seconds`, devReload.readySeconds.toFixed(1));
    emit(`${name}.dev_server.edit_visible_seconds_each`, devReload.reloadSeconds.map((s) => s.toFixed(1)).join(' '));
    emit(`${name}.dev_server.edit_visible_seconds_median`, median(devReload.reloadSeconds).toFixed(1));
    // The operation cards (og:image) alone, cold and from the cache; the cold build above includes them cold.
    printCardFigures(name, await measureCards(specsDir), emit);
  } finally {
    rmSync(specsDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    rmSync(statsFile, { force: true });
  }
}

async function benchColdBuildOnly(name: string, revisionDirs: string[]) {
  const specsDir = copyRevisions(revisionDirs);
  const outDir = path.join(resultsDir, `build-${name}`);
  try {
    emit(`${name}.specs`, revisionDirs.join(', '));
    clearCaches();
    const cold = await build(specsDir, outDir);
    emit(`${name}.cold_build_seconds`, cold.seconds.toFixed(1));
    emit(`${name}.cold_build_peak_rss_mb`, cold.peakMb.toFixed(0));
    emit(`${name}.page_count`, countHtml(outDir));
  } finally {
    rmSync(specsDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Ours and stock redocusaurus alternately (A/B/A/B), each cold, on one revision. */
async function benchAgainstStock(revisionDir: string, pairs: number) {
  const specsDir = copyRevisions([revisionDir]);
  const entryFile = discoverRevisions(specsDir)[0]!.entryFile;
  const outDir = path.join(resultsDir, 'build-paired');
  const ours: MeasuredRun[] = [];
  const stock: (MeasuredRun & { pages: number; heapMb: number })[] = [];
  try {
    for (let pair = 0; pair < pairs; pair++) {
      clearCaches();
      ours.push(await build(specsDir, outDir));
      rmSync(outDir, { recursive: true, force: true });
      clearCaches();
      stock.push(await measureStockRedocusaurus(root, entryFile));
    }
  } finally {
    rmSync(specsDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
  const [oursSeconds, stockSeconds] = [median(ours.map((r) => r.seconds)), median(stock.map((r) => r.seconds))];
  const [oursPeak, stockPeak] = [median(ours.map((r) => r.peakMb)), median(stock.map((r) => r.peakMb))];
  emit('paired.spec', revisionDir);
  emit('paired.runs', `${pairs} of each, alternating ours/stock`);
  emit('paired.ours.cold_build_seconds_each', ours.map((r) => r.seconds.toFixed(1)).join(' '));
  emit('paired.stock.cold_build_seconds_each', stock.map((r) => r.seconds.toFixed(1)).join(' '));
  emit('paired.ours.cold_build_seconds_median', oursSeconds.toFixed(1));
  emit('paired.stock.cold_build_seconds_median', stockSeconds.toFixed(1));
  emit('paired.ours_vs_stock.cold_build_seconds_ratio', ratio(oursSeconds, stockSeconds));
  emit('paired.ours.peak_rss_mb_median', oursPeak.toFixed(0));
  emit('paired.stock.peak_rss_mb_median', stockPeak.toFixed(0));
  emit('paired.ours_vs_stock.peak_rss_ratio', ratio(oursPeak, stockPeak));
  emit('paired.stock.heap_limit_mb', stock[0]!.heapMb);
  emit('paired.stock.page_count', stock[0]!.pages);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      stock: { type: 'boolean', default: false },
      runs: { type: 'string', default: '3' },
      pairs: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const runs = Number(values.runs);
  const pairs = Number(values.pairs);
  if (!(runs >= 1 && pairs >= 1)) throw new Error('--runs and --pairs take a number of at least 1');
  const folder = positionals[0] ?? process.env.SPECS_DIR;

  const executablePath = await findChromium();
  if (!executablePath) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  mkdirSync(resultsDir, { recursive: true });
  const revisionsOf = (specsDir: string) => discoverRevisions(specsDir).map((r) => path.dirname(r.entryFile));
  const projectRevisions = revisionsOf(path.join(root, 'specs'));
  const folderRevisions = folder ? revisionsOf(path.resolve(folder)) : null;

  emit('bench.started', new Date().toISOString());
  emit(
    'bench.machine_load_average',
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  );
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    await benchTarget('project', projectRevisions, 33130, browser, runs);
    if (folderRevisions) await benchTarget('specs_dir_latest', [folderRevisions[0]!], 33131, browser, runs);
  } finally {
    await browser.close();
  }
  if (folderRevisions && folderRevisions.length > 1) await benchColdBuildOnly('specs_dir', folderRevisions);
  if (values.stock) await benchAgainstStock((folderRevisions ?? projectRevisions)[0]!, pairs);
  emit('bench.finished', new Date().toISOString());
  writeFileSync(path.join(resultsDir, 'bench.txt'), `${lines.join('\n')}\n`);
}

if (isMain(__filename)) void main();
