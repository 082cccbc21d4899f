import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { OpenApiDocument } from '../spec/types';
import type { RenderedRedoc } from '../types';
import type { RedocThemeData } from './options';

export interface RenderRequest {
  id: number;
  spec: OpenApiDocument;
  pointer: string;
  themeData: RedocThemeData;
}

export type RenderResponse = { id: number; rendered: RenderedRedoc; heapBytes: number } | { id: number; error: string };

const nodeRequire = createRequire(__filename);
const WORKER_FILE = path.join(__dirname, 'render-worker.ts');
// Redoc renders in worker threads: in parallel, and with React's production build whatever the
// main process loaded. The workers load the plugin's TypeScript with jiti, as Docusaurus loads the plugin.
const WORKER_SOURCE = `require(${JSON.stringify(nodeRequire.resolve('jiti'))})(${JSON.stringify(WORKER_FILE)}, { interopDefault: true })(${JSON.stringify(WORKER_FILE)});`;
/** Each worker loads Redoc and jsdom once: not worth it for a handful of operations. */
const OPERATIONS_PER_WORKER = 8;
/**
 * Redoc keeps part of what it renders reachable after its store is disposed (about 300 MB per operation of
 * the 3 MB spec's flow endpoints): a worker whose heap has grown past this is replaced by a fresh one.
 */
const RECYCLE_HEAP_BYTES = 600 * 1024 * 1024;

function startWorker(): Worker {
  return new Worker(WORKER_SOURCE, { eval: true, env: { ...process.env, NODE_ENV: 'production' } });
}

/**
 * Renders operations in up to one worker per core. With `keepOneWorker` (the dev server), one loaded worker
 * stays between batches, even after a batch that had nothing to render, so that the next save renders at
 * once; otherwise the workers end with their batch. Idle workers never keep the process alive.
 */
export class RenderPool {
  private workers: Worker[] = [];

  constructor(private readonly options: { keepOneWorker: boolean }) {}

  async renderAll(requests: Omit<RenderRequest, 'id'>[]): Promise<RenderedRedoc[]> {
    const results: RenderedRedoc[] = new Array<RenderedRedoc>(requests.length);
    const wanted = Math.min(os.availableParallelism(), Math.ceil(requests.length / OPERATIONS_PER_WORKER));
    while (this.workers.length < wanted) this.workers.push(startWorker());
    for (const worker of this.workers) worker.ref();
    let next = 0;
    try {
      await Promise.all(
        this.workers.slice(0, wanted).map(async (_, slot) => {
          while (next < requests.length) {
            const id = next++;
            const { rendered, heapBytes } = await this.renderOne(this.workers[slot]!, { ...requests[id]!, id });
            results[id] = rendered;
            if (heapBytes > RECYCLE_HEAP_BYTES && next < requests.length) {
              void this.workers[slot]!.terminate();
              this.workers[slot] = startWorker();
            }
          }
        }),
      );
    } catch (error) {
      await this.close();
      throw error;
    }
    await this.settle();
    return results;
  }

  private async settle(): Promise<void> {
    if (!this.options.keepOneWorker) return this.close();
    const extra = this.workers.splice(1);
    if (this.workers.length === 0) this.workers.push(startWorker());
    for (const worker of this.workers) worker.unref();
    await Promise.all(extra.map((worker) => worker.terminate()));
  }

  private renderOne(worker: Worker, request: RenderRequest): Promise<{ rendered: RenderedRedoc; heapBytes: number }> {
    return new Promise((resolve, reject) => {
      const onMessage = (response: RenderResponse) => {
        if (response.id !== request.id) return;
        cleanup();
        if ('error' in response) reject(new Error(`Redoc could not render ${request.pointer}: ${response.error}`));
        else resolve(response);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
