import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import ssgWorkerMemoryPlugin, { SSG_WORKER_MAX_MEMORY_BYTES } from '../../src/plugins/ssg-worker-memory';

const nodeRequire = createRequire(__filename);
const ssgEnv = nodeRequire('@docusaurus/core/lib/ssg/ssgEnv.js') as { SSGWorkerThreadRecyclerMaxMemory: number };
const ENV = 'DOCUSAURUS_SSG_WORKER_THREAD_RECYCLER_MAX_MEMORY';

describe("the SSG worker threads' memory limit (README, internals table)", () => {
  const defaultLimit = ssgEnv.SSGWorkerThreadRecyclerMaxMemory;
  afterEach(() => {
    ssgEnv.SSGWorkerThreadRecyclerMaxMemory = defaultLimit;
    delete process.env[ENV];
  });

  it("lowers the limit in the module Docusaurus's SSG reads it from when it runs", () => {
    expect(defaultLimit).toBe(1_000_000_000);
    ssgWorkerMemoryPlugin();
    expect(ssgEnv.SSGWorkerThreadRecyclerMaxMemory).toBe(SSG_WORKER_MAX_MEMORY_BYTES);
    // The executor reads the value through the module object when the SSG starts, not a copy made at load.
    const executor = fs.readFileSync(nodeRequire.resolve('@docusaurus/core/lib/ssg/ssgExecutor.js'), 'utf8');
    expect(executor).toMatch(/maxMemoryLimitBeforeRecycle:\s*ssgEnv_1\.SSGWorkerThreadRecyclerMaxMemory/);
  });

  it('leaves a limit set in the environment alone', () => {
    process.env[ENV] = '123';
    ssgWorkerMemoryPlugin();
    expect(ssgEnv.SSGWorkerThreadRecyclerMaxMemory).toBe(defaultLimit);
  });
});
