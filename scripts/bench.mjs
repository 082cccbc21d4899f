// `npm run bench [-- <specs folder>]`: builds the portal from the project's specs and from
// SPECS_DIR (or the folder given), then measures pages in Chromium. Prints `name: value` lines.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from './browser.mjs';
import { serveBuild } from './serve-build.mjs';
import { measureSearch } from './bench-search.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const targets = [['project', path.join(root, 'specs')]];
const extra = process.argv[2] ?? process.env.SPECS_DIR;
if (extra) targets.push(['specs_dir', path.resolve(extra)]);

/** Runs a command, sampling the resident memory of its whole process tree. */
function runMeasured(command, args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 250);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-3000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak / 1024 });
    });
  });
}

function treeRss(pid) {
  let total = 0;
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // process ended while we looked
    }
  }
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop();
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // ended
    }
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

function countHtml(dir) {
  let count = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) count += countHtml(full);
    else if (entry.endsWith('.html')) count++;
  }
  return count;
}

async function measurePage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const { domNodes, tbt } = await page.evaluate(() => ({
    domNodes: document.getElementsByTagName('*').length,
    tbt: window.__longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
  }));
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await context.close();
  return { bytes, domNodes, tbt: Math.round(tbt), heapMb: heap / 1024 / 1024 };
}

const executablePath = await findChromium();
if (!executablePath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

for (const [name, specsDir] of targets) {
  if (!existsSync(specsDir)) throw new Error(`No specs folder at ${specsDir}`);
  const outDir = mkdtempSync(path.join(tmpdir(), `bench-${name}-`));
  rmSync(path.join(root, '.docusaurus'), { recursive: true, force: true });
  const build = await runMeasured(path.join(root, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', outDir], {
    SPECS_DIR: specsDir,
  });
  console.log(`${name}.specs_dir: ${specsDir}`);
  console.log(`${name}.cold_build_seconds: ${build.seconds.toFixed(1)}`);
  console.log(`${name}.build_peak_memory_mb: ${build.peakMb.toFixed(0)}`);
  console.log(`${name}.page_count: ${countHtml(outDir)}`);
  const operationPage = readdirSync(path.join(outDir, 'reference')).includes('get_profiles.html')
    ? '/reference/get_profiles'
    : null;
  const port = 3900 + targets.findIndex(([n]) => n === name);
  const server = await serveBuild(outDir, port);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const pages = [['guide_page', '/docs/guides/understanding-customer-data']];
    if (operationPage) pages.push(['operation_page', operationPage]);
    for (const [label, pagePath] of pages) {
      const figures = await measurePage(browser, `http://localhost:${port}${pagePath}`);
      console.log(`${name}.${label}.path: ${pagePath}`);
      console.log(`${name}.${label}.bytes_downloaded: ${figures.bytes}`);
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
