/**
 * Docusaurus replaces an SSG worker thread once its memory passes DOCUSAURUS_SSG_WORKER_THREAD_RECYCLER_MAX_MEMORY
 * (1 GB by default). The reference's pages are large, and both workers grow to that before they are replaced:
 * a build of both revisions of the 3 MB spec peaked about 500 MB higher for it. A new worker only evaluates
 * the server bundle again (a fraction of a second). Docusaurus reads the variable into `ssg/ssgEnv` when it
 * starts, before any config or plugin loads, and its SSG reads the value from that module when it begins:
 * this plugin lowers the default there. The variable, when set, still wins.
 */
import { createRequire } from 'node:module';
import type { Plugin } from '@docusaurus/types';

export const SSG_WORKER_MAX_MEMORY_BYTES = 300_000_000;
const RECYCLER_ENV = 'DOCUSAURUS_SSG_WORKER_THREAD_RECYCLER_MAX_MEMORY';

export default function ssgWorkerMemoryPlugin(): Plugin {
  if (!process.env[RECYCLER_ENV]) {
    const ssgEnv = createRequire(__filename)('@docusaurus/core/lib/ssg/ssgEnv.js') as {
      SSGWorkerThreadRecyclerMaxMemory?: number;
    };
    if (typeof ssgEnv.SSGWorkerThreadRecyclerMaxMemory !== 'number') {
      throw new Error('ssg-worker-memory: @docusaurus/core/lib/ssg/ssgEnv.js has no SSGWorkerThreadRecyclerMaxMemory');
    }
    ssgEnv.SSGWorkerThreadRecyclerMaxMemory = SSG_WORKER_MAX_MEMORY_BYTES;
  }
  return { name: 'ssg-worker-memory' };
}
