/**
 * Two settings that keep a production build of a large spec within memory. Both were measured on both
 * revisions of the 3 MB fixture (`npm run bench` prints the peaks).
 *
 * - SSG worker threads. Docusaurus replaces one once its memory passes
 *   DOCUSAURUS_SSG_WORKER_THREAD_RECYCLER_MAX_MEMORY (its heap in use; 1 GB by default). A worker's heap grows
 *   with every page it renders, from about 80 MB once the server bundle is evaluated: at 1 GB both workers added
 *   about 500 MB to the peak, and 200 MB instead of 300 MB took another 250 MB off the peak of both fixture
 *   revisions, for about 1 s more SSG. A new worker only evaluates the server bundle again. Docusaurus reads the
 *   variable into `ssg/ssgEnv` when it starts, before any config or plugin loads, and its SSG reads the value from
 *   that module when it begins: this plugin lowers the default there. The variable, when set, still wins.
 * - V8's heap growth. After each full collection V8 lets a heap grow up to about four times what survived before
 *   it collects again, and this process's heap limit (a quarter of the machine's memory, up to 4 GB) never stops
 *   it. The Redoc render's results and the artifacts each left the main thread 700 to 900 MB of garbage, and the
 *   heap kept that size through bundling, SSG and postBuild, on top of the roughly 1.3 GB rspack keeps after
 *   bundling. `--heap-growing-percent` caps that factor, and V8 reads it after every full collection. A production
 *   build starts at 2 × (the render's worker threads lose little time), and from allContentLoaded on, when the
 *   render is done, 1.5 ×. Capped at 1.5 × from the start, the fixture built 5 s slower (the render's garbage
 *   collection); set only from allContentLoaded, the heap had already grown during the render and kept its size.
 *   NODE_OPTIONS cannot carry V8 flags, hence `v8.setFlagsFromString`.
 * - The end of the process. When a build has finished and its event loop is empty, Node frees the environment
 *   before the process ends, which runs the finalizer of every native object still held: rspack's compilation
 *   among them. On the fixture that took 2.5 to 3 s after the last line of output (about 1 s on the project's
 *   spec), memory the operating system takes back at once anyway. Once the loop is empty, a last `exit`
 *   listener ends the process with its exit code, after the other listeners, without that teardown. A failed
 *   build, which Docusaurus ends with `process.exit(1)`, is left as it is.
 */
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import type { Plugin } from '@docusaurus/types';

export const SSG_WORKER_MAX_MEMORY_BYTES = 200_000_000;
const RECYCLER_ENV = 'DOCUSAURUS_SSG_WORKER_THREAD_RECYCLER_MAX_MEMORY';
/** How far a heap may grow past what survived the last full collection: during the Redoc render, then after it. */
const HEAP_GROWING_PERCENT = { whileRendering: 100, afterContentLoaded: 50 } as const;

export function lowerSsgWorkerMemory(): void {
  if (process.env[RECYCLER_ENV]) return;
  const ssgEnv = createRequire(__filename)('@docusaurus/core/lib/ssg/ssgEnv.js') as {
    SSGWorkerThreadRecyclerMaxMemory?: number;
  };
  if (typeof ssgEnv.SSGWorkerThreadRecyclerMaxMemory !== 'number') {
    throw new Error('build-memory: @docusaurus/core/lib/ssg/ssgEnv.js has no SSGWorkerThreadRecyclerMaxMemory');
  }
  ssgEnv.SSGWorkerThreadRecyclerMaxMemory = SSG_WORKER_MAX_MEMORY_BYTES;
}

function capHeapGrowth(percent: number): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** Ends the process once its event loop is empty, with its exit code, skipping the environment's teardown. */
export function exitWithoutTeardown(): void {
  process.once('beforeExit', () => {
    // Added now, it is the last listener: the others have run when it ends the process.
    process.once('exit', () => process.exit());
  });
}

export default function buildMemoryPlugin(): Plugin {
  lowerSsgWorkerMemory();
  // The dev server keeps V8's defaults: it rebuilds in the same process, and its reloads are timed.
  const production = process.env.NODE_ENV === 'production';
  if (production) capHeapGrowth(HEAP_GROWING_PERCENT.whileRendering);
  return {
    name: 'build-memory',
    async allContentLoaded() {
      if (production) capHeapGrowth(HEAP_GROWING_PERCENT.afterContentLoaded);
    },
    async postBuild() {
      exitWithoutTeardown();
    },
  };
}
