// Measures how long a spec edit takes to reach an open browser tab in `docusaurus start`:
// once for the project's specs and once for the 3 MB fixture, each copied to a temp folder.
//   npx tsx scripts/bench-reload.ts [fixture-specs-dir]
// prints `dev_reload_seconds_project: N` and `dev_reload_seconds_fixture: N` (median of 3 edits).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from './browser';
import { isMain } from './lib/main';

const siteDir = process.cwd();
const fixtureDir = path.resolve(process.argv[2] ?? path.join(siteDir, '../shared/fixtures/klaviyo-openapi'));
const port = Number(process.env.BENCH_DEV_PORT ?? 3150);
const EDITS = 3;

interface ReloadCase {
  name: string;
  source: string;
  page: string;
  file: string;
  summary: string;
  /** `text` with the operation's summary `from` replaced by `to`. */
  edit: (text: string, from: string, to: string) => string;
}

interface DevServer {
  stop: () => Promise<void>;
  output: () => string;
}

const cases: ReloadCase[] = [
  {
    name: 'project',
    source: path.join(siteDir, 'specs'),
    page: '/reference/get_profiles',
    file: '2026-07-15/paths/api_profiles.yaml',
    summary: 'Get Profiles',
    edit: (text, from, to) => text.replace(`  summary: ${from}\n`, `  summary: ${to}\n`),
  },
  {
    name: 'fixture',
    source: fixtureDir,
    page: '/reference/get_accounts',
    file: '2026-07-15/openapi.json',
    summary: 'Get Accounts',
    edit: (text, from, to) => text.replace(`"summary": "${from}"`, `"summary": "${to}"`),
  },
];

function makeWritable(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    chmodSync(file, statSync(file).isDirectory() ? 0o755 : 0o644);
    if (statSync(file).isDirectory()) makeWritable(file);
  }
}

async function startDevServer(specsDir: string): Promise<DevServer> {
  let output = '';
  const { FORCE_COLOR: _ignored, ...env } = process.env;
  const child = spawn('npx', ['docusaurus', 'start', '--port', String(port), '--no-open'], {
    cwd: siteDir,
    env: { ...env, SPECS_DIR: specsDir, NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // eslint-disable-next-line no-control-regex
  const record = (chunk: Buffer) => (output += chunk.toString().replace(/\u001b\[[0-9;]*m/g, ''));
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  const started = Date.now();
  while (!output.includes('compiled successfully')) {
    if (child.exitCode !== null) throw new Error(`dev server exited:\n${output.slice(-2000)}`);
    if (Date.now() - started > 600_000) {
      await stop();
      throw new Error(`dev server not ready:\n${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { stop, output: () => output };
}

/**
 * Resolves once the dev server has printed nothing for `quietMs` (at most 90 s). The artifacts
 * step that follows a reload prints nothing, hence the long quiet time.
 */
async function waitUntilQuiet(server: DevServer, quietMs: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  let length = server.output().length;
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (server.output().length !== length) {
      length = server.output().length;
      since = Date.now();
    }
  }
}

async function measure(browser: Browser, testCase: ReloadCase): Promise<number> {
  const specsDir = mkdtempSync(path.join(tmpdir(), `bench-reload-${testCase.name}-`));
  cpSync(testCase.source, specsDir, { recursive: true });
  makeWritable(specsDir);
  const server = await startDevServer(specsDir);
  const page = await browser.newPage();
  try {
    await page.goto(`http://localhost:${port}${testCase.page}`);
    await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 120_000 });
    const file = path.join(specsDir, testCase.file);
    await waitUntilQuiet(server, 12_000);
    const times: number[] = [];
    let current = testCase.summary;
    for (let index = 1; index <= EDITS; index += 1) {
      const label = `Bench Edit ${index} ${Date.now()}`;
      const text = readFileSync(file, 'utf8');
      const edited = testCase.edit(text, current, label);
      if (edited === text) throw new Error(`could not edit the summary in ${testCase.file}`);
      const started = Date.now();
      writeFileSync(file, edited);
      await page.waitForFunction((expected) => document.querySelector('main h1')?.textContent === expected, label, {
        timeout: 120_000,
        polling: 50,
      });
      times.push((Date.now() - started) / 1000);
      current = label;
      // Let the dev server finish what follows a reload (the artifacts step, a second compile)
      // before the next edit: the figure is for an edit made while the server is idle.
      await waitUntilQuiet(server, 12_000);
    }
    times.sort((a, b) => a - b);
    console.error(`${testCase.name}: ${times.map((time) => time.toFixed(2)).join(', ')} s`);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    await page.close();
    await server.stop();
    rmSync(specsDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const executablePath = await findChromium();
  if (!executablePath) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    for (const testCase of cases) {
      const seconds = await measure(browser, testCase);
      console.log(`dev_reload_seconds_${testCase.name}: ${seconds.toFixed(2)}`);
    }
  } finally {
    await browser.close();
  }
}

if (isMain(__filename)) void main();
