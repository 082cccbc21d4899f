import os from 'node:os';
import { createRequire } from 'node:module';
import { parentPort, Worker } from 'node:worker_threads';

/**
 * The build's CPU-bound steps (Redoc's markup, the operation cards) run in worker threads: in parallel,
 * off the main thread, which meanwhile does the rest of the build. A worker is a TypeScript module of the
 * plugin that calls `serveRequests`; workers load it with jiti, as Docusaurus loads the plugin.
 */

interface PoolRequest<Request> {
  id: number;
  request: Request;
}
type PoolResponse<Result> = { id: number; result: Result } | { id: number; error: string };

/** In a worker: answers each request the pool sends with `handle`'s result. */
export function serveRequests<Request, Result>(handle: (request: Request) => Result | Promise<Result>): void {
  parentPort?.on('message', async ({ id, request }: PoolRequest<Request>) => {
    let response: PoolResponse<Result>;
    try {
      response = { id, result: await handle(request) };
    } catch (error) {
      response = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort?.postMessage(response);
  });
}

export interface WorkerPoolOptions<Request> {
  /** Absolute path of the worker module (it calls `serveRequests`). */
  workerFile: string;
  /** A worker's start-up (loading its packages) is not worth it for fewer requests than this. */
  requestsPerWorker: number;
  /**
   * The dev server's pools keep one loaded worker between batches, even after a batch with nothing to do,
   * so that the next save starts at once; otherwise the workers end with their batch.
   */
  keepOneWorker?: boolean;
  /** Names a request in the error of a request that failed. */
  describe(request: Request): string;
}

const nodeRequire = createRequire(__filename);

/**
 * Requests queued in each worker: it goes on with the next while this thread is busy (the other plugins'
 * postBuild, such as the search index, run beside the cards' pool), and the last few still spread out.
 */
const REQUESTS_IN_FLIGHT_PER_WORKER = 3;

/** Runs requests in up to one worker per core. Idle workers never keep the process alive. */
export class WorkerPool<Request, Result> {
  private workers: Worker[] = [];
  private readonly source: string;

  constructor(private readonly options: WorkerPoolOptions<Request>) {
    const file = JSON.stringify(options.workerFile);
    this.source = `require(${JSON.stringify(nodeRequire.resolve('jiti'))})(${file}, { interopDefault: true })(${file});`;
  }

  private startWorker(): Worker {
    // React's production build in the workers, whatever the main process loaded.
    return new Worker(this.source, { eval: true, env: { ...process.env, NODE_ENV: 'production' } });
  }

  async runAll(requests: readonly Request[]): Promise<Result[]> {
    const results = new Array<Result>(requests.length);
    const wanted = Math.min(os.availableParallelism(), Math.ceil(requests.length / this.options.requestsPerWorker));
    while (this.workers.length < wanted) this.workers.push(this.startWorker());
    for (const worker of this.workers) worker.ref();
    let next = 0;
    try {
      await Promise.all(
        this.workers.slice(0, wanted).flatMap((worker) =>
          Array.from({ length: REQUESTS_IN_FLIGHT_PER_WORKER }, async () => {
            while (next < requests.length) {
              const id = next++;
              results[id] = await this.runOne(worker, id, requests[id]!);
            }
          }),
        ),
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
    if (this.workers.length === 0) this.workers.push(this.startWorker());
    for (const worker of this.workers) worker.unref();
    await Promise.all(extra.map((worker) => worker.terminate()));
  }

  private runOne(worker: Worker, id: number, request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      const onMessage = (response: PoolResponse<Result>) => {
        if (response.id !== id) return;
        cleanup();
        if ('error' in response) reject(new Error(`${this.options.describe(request)}: ${response.error}`));
        else resolve(response.result);
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
      worker.postMessage({ id, request } satisfies PoolRequest<Request>);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
