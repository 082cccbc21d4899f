import { describe, expect, it } from 'vitest';
import { createBundlerIdleSignal, createDeferredStep } from '../../../src/plugins/api-reference/dev-reload';

/** A stand-in for the dev server's compiler: the two hooks the idle signal taps. */
function fakeCompiler() {
  const taps: Record<'invalid' | 'done', (() => void)[]> = { invalid: [], done: [] };
  const hook = (name: 'invalid' | 'done') => ({
    tap: (_plugin: string, callback: () => void) => taps[name].push(callback),
  });
  return {
    compiler: { hooks: { invalid: hook('invalid'), done: hook('done') } },
    invalid: () => taps.invalid.forEach((callback) => callback()),
    done: () => taps.done.forEach((callback) => callback()),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the dev server's deferred artifacts", () => {
  it("runs the first time at once, and a reload's run only after the bundler has compiled that reload and settled", async () => {
    const signal = createBundlerIdleSignal(100);
    const bundler = fakeCompiler();
    signal.plugin.apply(bundler.compiler);
    const runs: string[] = [];
    const step = createDeferredStep(() => runs.push('error'), { delayMs: 20, whenIdle: signal.idle });

    await step(async () => runs.push('first load'));
    expect(runs).toEqual(['first load']);

    // A reload: the step is asked for, then the bundler starts compiling what the reload wrote.
    await step(async () => runs.push('reload'));
    bundler.invalid();
    await sleep(200);
    expect(runs).toEqual(['first load']);

    bundler.done();
    await sleep(50);
    // Compiled, but the browser may still be fetching the update.
    expect(runs).toEqual(['first load']);
    await sleep(120);
    expect(runs).toEqual(['first load', 'reload']);
  });

  it('runs at once after its delay when the bundler is idle, once for a burst of reloads', async () => {
    const signal = createBundlerIdleSignal(100);
    signal.plugin.apply(fakeCompiler().compiler);
    const runs: number[] = [];
    const step = createDeferredStep(() => undefined, { delayMs: 20, whenIdle: signal.idle });
    await step(async () => runs.push(0));
    for (const reload of [1, 2, 3]) await step(async () => runs.push(reload));
    await sleep(80);
    expect(runs).toEqual([0, 3]);
  });

  it('reports the error of a failed run and still runs the next', async () => {
    const errors: unknown[] = [];
    const runs: string[] = [];
    const step = createDeferredStep((error) => errors.push(error), { delayMs: 10 });
    await step(async () => runs.push('first'));
    await step(async () => {
      throw new Error('broken');
    });
    await sleep(40);
    await step(async () => runs.push('after the error'));
    await sleep(40);
    expect(errors).toEqual([new Error('broken')]);
    expect(runs).toEqual(['first', 'after the error']);
  });
});
