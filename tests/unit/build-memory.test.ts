import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import buildMemoryPlugin, { lowerSsgWorkerMemory, SSG_WORKER_MAX_MEMORY_BYTES } from '../../src/plugins/build-memory';

const nodeRequire = createRequire(__filename);
const ssgEnv = nodeRequire('@docusaurus/core/lib/ssg/ssgEnv.js') as { SSGWorkerThreadRecyclerMaxMemory: number };
const ENV = 'DOCUSAURUS_SSG_WORKER_THREAD_RECYCLER_MAX_MEMORY';
const PLUGIN_MODULE = path.resolve(__dirname, '../../src/plugins/build-memory.ts');

describe("the SSG worker threads' memory limit (README, internals table)", () => {
  const defaultLimit = ssgEnv.SSGWorkerThreadRecyclerMaxMemory;
  afterEach(() => {
    ssgEnv.SSGWorkerThreadRecyclerMaxMemory = defaultLimit;
    delete process.env[ENV];
  });

  it("lowers the limit in the module Docusaurus's SSG reads it from when it runs", () => {
    expect(defaultLimit).toBe(1_000_000_000);
    buildMemoryPlugin();
    expect(ssgEnv.SSGWorkerThreadRecyclerMaxMemory).toBe(SSG_WORKER_MAX_MEMORY_BYTES);
    // The executor reads the value through the module object when the SSG starts, not a copy made at load.
    const executor = fs.readFileSync(nodeRequire.resolve('@docusaurus/core/lib/ssg/ssgExecutor.js'), 'utf8');
    expect(executor).toMatch(/maxMemoryLimitBeforeRecycle:\s*ssgEnv_1\.SSGWorkerThreadRecyclerMaxMemory/);
  });

  it('leaves a limit set in the environment alone', () => {
    process.env[ENV] = '123';
    lowerSsgWorkerMemory();
    expect(ssgEnv.SSGWorkerThreadRecyclerMaxMemory).toBe(defaultLimit);
  });
});

/**
 * A Node process that keeps about 100 MB alive and churns objects that live long enough to reach the old
 * generation (as the build's parsed pages and worker results do), with the plugin loaded under `nodeEnv` and,
 * if `contentLoaded`, its allContentLoaded run. Returns the largest heap it reached, in MB.
 */
function peakHeapMb(nodeEnv: string, { contentLoaded }: { contentLoaded: boolean }): number {
  const script = `
    const loaded = await import(${JSON.stringify(PLUGIN_MODULE)});
    // tsx loads the module as CommonJS: its exports are the namespace's default.
    const buildMemoryPlugin = loaded.default.default ?? loaded.default;
    const plugin = buildMemoryPlugin();
    if (${contentLoaded}) await plugin.allContentLoaded({ allContent: {}, actions: {} });
    const live = [];
    for (let i = 0; i < 50; i++) live.push(Array.from({ length: 20000 }, (_, k) => ({ k, s: 'live ' + i + ' ' + k })));
    let peak = 0;
    const recent = [];
    for (let round = 0; round < 1500; round++) {
      recent.push(Array.from({ length: 5000 }, (_, k) => ({ k, s: 'garbage ' + round + ' ' + k })));
      if (recent.length > 30) recent.shift();
      peak = Math.max(peak, process.memoryUsage().heapTotal);
    }
    console.log(Math.round(peak / 1048576));
  `;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: nodeEnv, NODE_OPTIONS: '' },
  });
  return Number(output.trim().split('\n').at(-1));
}

describe("V8's heap growth in a production build (README, internals table)", () => {
  it('keeps the heap nearer what is alive in production, and nearer still once the content is loaded', () => {
    const development = peakHeapMb('development', { contentLoaded: true });
    const rendering = peakHeapMb('production', { contentLoaded: false });
    const afterContentLoaded = peakHeapMb('production', { contentLoaded: true });
    expect(development).toBeGreaterThan(350);
    expect(rendering).toBeLessThan(development * 0.85);
    expect(afterContentLoaded).toBeLessThan(rendering * 0.95);
  });
});

/**
 * A Node process with the plugin loaded, its postBuild run if `built`, `exit` listeners of its own and `exitCode`;
 * it logs each call of process.exit (which ends a process without the teardown when called while exiting).
 */
function exitOfProcess({ built, exitCode }: { built: boolean; exitCode: number }): {
  status: number | null;
  lines: string[];
} {
  const script = `
    const loaded = await import(${JSON.stringify(PLUGIN_MODULE)});
    const buildMemoryPlugin = loaded.default.default ?? loaded.default;
    const plugin = buildMemoryPlugin();
    const exit = process.exit;
    process.exit = (...args) => {
      console.log('process.exit(' + args.join() + ') called, exiting: ' + process._exiting);
      return exit.apply(process, args);
    };
    process.on('exit', (code) => console.log('listener before postBuild, code ' + code));
    if (${built}) await plugin.postBuild({});
    process.on('exit', () => console.log('listener after postBuild'));
    process.exitCode = ${exitCode};
    // Work still running when postBuild returns: the process ends after it, not at postBuild.
    setTimeout(() => console.log('last timer'), 50);
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
  });
  return { status: result.status, lines: result.stdout.trim().split('\n') };
}

describe('the end of a finished build (README, internals table)', () => {
  it('ends the process through process.exit from the last exit listener, with its exit code, once its loop is empty', () => {
    for (const exitCode of [0, 3]) {
      const { status, lines } = exitOfProcess({ built: true, exitCode });
      expect(status).toBe(exitCode);
      expect(lines).toEqual([
        'last timer',
        `listener before postBuild, code ${exitCode}`,
        'listener after postBuild',
        'process.exit() called, exiting: true',
      ]);
    }
  });

  it('leaves a process that did not build to end as usual (the dev server, a build that failed before postBuild)', () => {
    const { status, lines } = exitOfProcess({ built: false, exitCode: 5 });
    expect(status).toBe(5);
    expect(lines).toEqual(['last timer', 'listener before postBuild, code 5', 'listener after postBuild']);
  });
});
