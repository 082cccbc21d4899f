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
   * Requests queued in each worker (3 unless set): it goes on with the next while this thread is busy. A pool
   * whose requests cost about the same, as the cards do, sends them all at once, so that its workers never wait
   * for this thread; the Redoc render's vary a hundredfold, and a few at a time still spread out at the end.
   */
  requestsInFlightPerWorker?: number;
  /**
   * The dev server's pools keep one loaded worker between batches, even after a batch with nothing to do,
   * so that the next save starts at once; otherwise the workers end with their batch.
   */
  keepOneWorker?: boolean;
  /** Names a request in the error of a request that failed. */
  describe(request: Request): string;
}

const nodeRequire = createRequire(__filename);

const DEFAULT_REQUESTS_IN_FLIGHT_PER_WORKER = 3;

interface PendingRequest<Result> {
  resolve(result: Result): void;
  reject(error: Error): void;
}

/** Runs requests in up to one worker per core. Idle workers never keep the process alive. */
export class WorkerPool<Request, Result> {
  private workers: Worker[] = [];
  /** Each worker's requests not answered yet, by id: one listener per worker, however many are queued. */
  private readonly pending = new Map<Worker, Map<number, PendingRequest<Result>>>();
  private nextId = 0;
  private readonly source: string;

  constructor(private readonly options: WorkerPoolOptions<Request>) {
    const file = JSON.stringify(options.workerFile);
    this.source = `require(${JSON.stringify(nodeRequire.resolve('jiti'))})(${file}, { interopDefault: true })(${file});`;
  }

  private startWorker(): Worker {
    // React's production build in the workers, whatever the main process loaded.
    const worker = new Worker(this.source, { eval: true, env: { ...process.env, NODE_ENV: 'production' } });
    const pending = new Map<number, PendingRequest<Result>>();
    this.pending.set(worker, pending);
    worker.on('message', (response: PoolResponse<Result>) => {
      const request = pending.get(response.id);
      if (!request) return;
      pending.delete(response.id);
      if ('error' in response) request.reject(new Error(response.error));
      else request.resolve(response.result);
    });
    const failAll = (error: Error) => {
      for (const request of pending.values()) request.reject(error);
      pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The worker ${this.options.workerFile} exited (code ${code})`)));
    return worker;
  }

  /**
   * Starts up to `count` workers before their batch, so that they load their packages while this thread does
   * something else (a build loads the spec meanwhile). Until a batch comes they keep nothing alive, and a batch
   * with fewer requests ends the ones it does not use.
   */
  prestart(count: number): void {
    const target = Math.min(count, os.availableParallelism());
    while (this.workers.length < target) {
      const worker = this.startWorker();
      worker.unref();
      this.workers.push(worker);
    }
  }

  async runAll(requests: readonly Request[]): Promise<Result[]> {
    const results = new Array<Result>(requests.length);
    const wanted = Math.min(os.availableParallelism(), Math.ceil(requests.length / this.options.requestsPerWorker));
    while (this.workers.length < wanted) this.workers.push(this.startWorker());
    for (const worker of this.workers) worker.ref();
    const inFlight = Math.min(
      this.options.requestsInFlightPerWorker ?? DEFAULT_REQUESTS_IN_FLIGHT_PER_WORKER,
      Math.ceil(requests.length / Math.max(wanted, 1)),
    );
    let next = 0;
    try {
      await Promise.all(
        this.workers.slice(0, wanted).flatMap((worker) =>
          Array.from({ length: inFlight }, async () => {
            while (next < requests.length) {
              const index = next++;
              const request = requests[index]!;
              results[index] = await this.runOne(worker, request).catch((error: Error) => {
                throw new Error(`${this.options.describe(request)}: ${error.message}`);
              });
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
    await Promise.all(extra.map((worker) => this.stop(worker)));
  }

  private runOne(worker: Worker, request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.get(worker)!.set(id, { resolve, reject });
      worker.postMessage({ id, request } satisfies PoolRequest<Request>);
    });
  }

  private async stop(worker: Worker): Promise<void> {
    // Ended on purpose: its exit rejects nothing.
    this.pending.get(worker)?.clear();
    this.pending.delete(worker);
    await worker.terminate();
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => this.stop(worker)));
  }
}
