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
 * started after the reload, so the browser gets the updated page first. Their errors are
 * reported, not thrown, and the previous files stay in place.
 */
export function createDeferredStep(
  onError: (error: unknown) => void,
  delayMs = 1500,
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
      chain = chain.then(run).catch(onError);
    }, delayMs);
  };
}
