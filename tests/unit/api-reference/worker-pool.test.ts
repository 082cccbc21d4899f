import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../src/plugins/api-reference/worker-pool';

interface Request {
  value: number;
  fail?: boolean;
  busyMs?: number;
}
interface Result {
  doubled: number;
  threadId: number;
  nodeEnv: string | undefined;
  loadedAt: number;
  startedAt: number;
}

const pool = (
  options: { requestsPerWorker?: number; keepOneWorker?: boolean; requestsInFlightPerWorker?: number } = {},
) =>
  new WorkerPool<Request, Result>({
    workerFile: path.join(__dirname, 'fixtures', 'thread-worker.ts'),
    requestsPerWorker: options.requestsPerWorker ?? 2,
    keepOneWorker: options.keepOneWorker,
    requestsInFlightPerWorker: options.requestsInFlightPerWorker,
    describe: ({ value }) => `request ${value} failed`,
  });

describe('the worker pool of the build steps (Redoc markup, cards)', () => {
  it('answers every request in order, from worker threads, one per core at most, with React in production mode', async () => {
    const requests = Array.from({ length: 12 }, (_, value) => ({ value }));
    const results = await pool().runAll(requests);
    expect(results.map((result) => result.doubled)).toEqual(requests.map(({ value }) => value * 2));
    const threads = new Set(results.map((result) => result.threadId));
    expect(threads.has(threadId)).toBe(false);
    expect(threads.size).toBe(Math.min(os.availableParallelism(), 6));
    expect(new Set(results.map((result) => result.nodeEnv))).toEqual(new Set(['production']));
  }, 60_000);

  it('starts no more workers than the requests are worth', async () => {
    const results = await pool({ requestsPerWorker: 16 }).runAll([{ value: 1 }, { value: 2 }, { value: 3 }]);
    expect(new Set(results.map((result) => result.threadId)).size).toBe(1);
  }, 60_000);

  it('keeps each worker going while this thread is busy: a worker goes on with its next request unasked', async () => {
    const requests = Array.from({ length: 12 }, (_, value) => ({ value, busyMs: 50 }));
    const running = pool({ requestsPerWorker: 6 }).runAll(requests);
    // This thread busy, as with the search index beside the cards' pool.
    const busyUntil = Date.now() + 2000;
    while (Date.now() < busyUntil) {
      // Busy.
    }
    const results = await running;
    const workers = new Set(results.map((result) => result.threadId)).size;
    // Answered one request at a time, each worker would have begun one before this thread was free again.
    expect(results.filter((result) => result.startedAt < busyUntil).length).toBeGreaterThan(workers);
  }, 60_000);

  it('can queue every request at once, so that no worker waits for this thread, with one listener per worker', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const requests = Array.from({ length: 40 }, (_, value) => ({ value, busyMs: 5 }));
      const running = pool({ requestsPerWorker: 6, requestsInFlightPerWorker: Number.POSITIVE_INFINITY }).runAll(
        requests,
      );
      const busyUntil = Date.now() + 2000;
      while (Date.now() < busyUntil) {
        // Busy.
      }
      const results = await running;
      expect(results.map((result) => result.doubled)).toEqual(requests.map(({ value }) => value * 2));
      expect(results.filter((result) => result.startedAt >= busyUntil)).toEqual([]);
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  }, 60_000);

  it('can start a worker before its batch, which then answers at once', async () => {
    const early = pool({ requestsPerWorker: 16 });
    const prestartedAt = Date.now();
    early.prestart(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [result] = await early.runAll([{ value: 4 }]);
    expect(result!.doubled).toBe(8);
    expect(result!.loadedAt).toBeLessThan(prestartedAt + 1500);
    // A batch with nothing to do ends the workers started for it.
    early.prestart(2);
    expect(await early.runAll([])).toEqual([]);
  }, 60_000);

  it('rejects with the failed request named, and the pool can be used again', async () => {
    const failing = pool();
    await expect(failing.runAll([{ value: 1 }, { value: 7, fail: true }, { value: 3 }])).rejects.toThrow(
      /^request 7 failed: Error: refused 7/,
    );
    expect((await failing.runAll([{ value: 5 }])).map((result) => result.doubled)).toEqual([10]);
  }, 60_000);

  it('keeps one loaded worker between batches for the dev server', async () => {
    const live = pool({ keepOneWorker: true });
    const [first] = await live.runAll([{ value: 1 }]);
    const [second] = await live.runAll([{ value: 2 }]);
    expect(second!.threadId).toBe(first!.threadId);
    await live.close();
    const [afterClose] = await live.runAll([{ value: 3 }]);
    expect(afterClose!.threadId).not.toBe(first!.threadId);
    await live.close();
  }, 60_000);
});
