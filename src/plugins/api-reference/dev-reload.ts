/**
 * What makes spec edits in `docusaurus start` quick and robust:
 *
 * - `createSpecLoader`: Docusaurus reloads the plugin once per file-system event, without
 *   debouncing, so one save (or a `git checkout`) can start several loads at once, and a
 *   slow one finishing last would win. Loads are coalesced: one runs at a time, and calls
 *   made meanwhile share the single follow-up load, which reads the files as they are then.
 *   When a reload fails (a broken save), the error is printed once and the last good model
 *   is returned, so the reference keeps being served; the first load (and every build)
 *   still throws.
 * - `batchCreateData`: `createData` awaited one file at a time spreads the writes of a big
 *   spec over the whole of contentLoaded, so the bundler sees a first batch, recompiles,
 *   then sees the rest and recompiles again; the browser could apply the first update and
 *   miss the second. Writes are queued and made together at the end.
 */
import path from 'node:path';

export interface SpecLoader<T> {
  load(): Promise<T>;
}

export function createSpecLoader<T>(
  loadModel: () => Promise<T>,
  onReloadError: (error: unknown) => void,
  settleMs = 50,
): SpecLoader<T> {
  let lastGood: T | undefined;
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;

  const attempt = async (): Promise<T> => {
    // Let a burst of events (an editor writing a file in several steps) settle first.
    if (lastGood !== undefined && settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
    try {
      lastGood = await loadModel();
      return lastGood;
    } catch (error) {
      if (lastGood === undefined) throw error;
      onReloadError(error);
      return lastGood;
    }
  };

  return {
    load() {
      if (!running) {
        running = attempt().finally(() => {
          running = undefined;
        });
        return running;
      }
      // A load is under way and may have read the files before this change: load once more after it.
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return this.load();
        });
      return queued;
    },
  };
}

type CreateData = (name: string, data: string) => Promise<string>;

export function batchCreateData(createData: CreateData): { createData: CreateData; flush(): Promise<void> } {
  // A constant file that no route imports tells where the plugin's data folder is.
  const dataDir = createData('__data-dir.json', '{}').then((modulePath) => path.dirname(modulePath));
  const pending: [string, string][] = [];
  return {
    async createData(name, data) {
      pending.push([name, data]);
      return path.join(await dataDir, name);
    },
    async flush() {
      await Promise.all(pending.splice(0).map(([name, data]) => createData(name, data)));
    },
  };
}

/**
 * Runs a slow step (the downloadable artifacts: Postman collections, Markdown twins…) outside
 * the dev server's reload: the first run is awaited (so `docusaurus build` and the first dev
 * load behave as before), later runs, which only happen on dev reloads, are debounced and
 * started after the reload, once `whenIdle` says the bundler is done with it, so the browser gets
 * the updated page first: the step keeps this thread busy for seconds, and the bundler's own hooks
 * and the dev server's answers to the browser wait for this thread. Their errors are reported, not
 * thrown, and the previous files stay in place.
 */
export function createDeferredStep(
  onError: (error: unknown) => void,
  { delayMs = 1500, whenIdle = () => Promise.resolve() }: { delayMs?: number; whenIdle?: () => Promise<void> } = {},
): (run: () => Promise<unknown>) => Promise<void> {
  let firstRunDone = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  return async (run) => {
    if (!firstRunDone) {
      await run();
      firstRunDone = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      chain = chain.then(whenIdle).then(run).catch(onError);
    }, delayMs);
  };
}

/** The part of a webpack or Rspack compiler the signal below taps. */
interface CompilerHooks {
  hooks: {
    invalid: { tap(name: string, callback: () => void): void };
    done: { tap(name: string, callback: () => void): void };
  };
}

/**
 * Whether the dev server's bundler is compiling: `plugin` goes into its configuration, and `idle()` resolves
 * once no compilation is under way and none has ended in the last `settleMs` (the browser then fetches the
 * update the compilation made, from this thread).
 */
export function createBundlerIdleSignal(settleMs = 500): {
  plugin: { apply(compiler: CompilerHooks): void };
  idle(): Promise<void>;
} {
  let compiling = false;
  let lastDone = 0;
  let waiting: (() => void)[] = [];
  const release = () => {
    const settled = Date.now() - lastDone;
    if (compiling || waiting.length === 0) return;
    if (settled < settleMs) {
      setTimeout(release, settleMs - settled);
      return;
    }
    const resolved = waiting;
    waiting = [];
    for (const resolve of resolved) resolve();
  };
  return {
    plugin: {
      apply(compiler) {
        compiler.hooks.invalid.tap('api-reference-idle-signal', () => {
          compiling = true;
        });
        compiler.hooks.done.tap('api-reference-idle-signal', () => {
          compiling = false;
          lastDone = Date.now();
          release();
        });
      },
    },
    idle() {
      return new Promise((resolve) => {
        waiting.push(resolve);
        release();
      });
    },
  };
}
