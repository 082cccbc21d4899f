import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OpenApiDocument } from '../spec/types';
import type { RenderedRedoc } from '../types';
import { operationRedocOptions, type RedocThemeData } from './options';
import { WorkerPool } from '../worker-pool';
import { writeFileAtomically } from '../../../lib/write-atomically';
import { codeVersion } from '../../../lib/code-version';
import { decorateRenderedOperation, type RenderedOperationContext } from './decorate';

/** What a render depends on besides its spec and options: the renderer's packages and its code. */
function rendererVersion(): string {
  return codeVersion(
    ['redoc', 'styled-components', 'react-dom'],
    ['render-markup.ts', 'view.ts'].map((file) => path.join(__dirname, file)),
  );
}

/** What decorates a render besides its inputs: the decorators' code and the DOM they edit it with. */
function decoratorVersion(): string {
  const fieldAnchors = path.join(__dirname, '..', 'field-anchors');
  return codeVersion(
    ['linkedom'],
    [
      ...['decorate.ts', 'bodiless-success.ts'].map((file) => path.join(__dirname, file)),
      ...fs
        .readdirSync(fieldAnchors)
        .filter((file) => file.endsWith('.ts'))
        .sort()
        .map((file) => path.join(fieldAnchors, file)),
    ],
  );
}

/** A rendered operation's decorated markup is the same while its render and what decorates it are. */
function decorationKey(
  cacheFile: string,
  version: string,
  { context: { fields, pageUrl } }: OperationToRender,
): string {
  // The cache file is named by the spec, pointer and options already.
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([path.basename(cacheFile), version, fields, pageUrl]))
    .digest('hex');
}

/** What a worker of the pool renders and decorates (render-worker.ts). */
export interface RenderRequest extends OperationToRender {
  themeData: RedocThemeData;
}

/** A worker's answer: the render as Redoc made it (cached as it is) and decorated. */
export interface RenderResult {
  rendered: RenderedRedoc;
  decorated: RenderedRedoc;
}

/** Decorates a render (decorate.ts): in a worker for what it renders, here for renders read from the cache. */
export function decorate(render: RenderedRedoc, operation: OperationToRender): RenderedRedoc {
  return { ...render, html: decorateRenderedOperation(render.html, operation) };
}

export interface OperationToRender {
  spec: OpenApiDocument;
  /** The spec's miniSpecDigest: what its render's cache file is named by. */
  specDigest: string;
  pointer: string;
  context: RenderedOperationContext;
}

export interface RenderStats {
  rendered: number;
  cached: number;
  /** Renders decorated (decorate.ts) rather than read decorated from the cache or kept from the last reload. */
  decorated: number;
}

/**
 * Every operation's Redoc markup and CSS (render-markup.ts), through a cache in Docusaurus's cache folder
 * (`node_modules/.cache`, which `docusaurus clear` empties): one file per render, named by a hash of the
 * operation's mini-spec, its pointer, the options of both colour modes and the renderer's version. An edit
 * to one operation re-renders that operation only; an upgrade of Redoc or styled-components re-renders all.
 * Misses render in worker threads. Beside each render, its decorated markup (decorate.ts), named by the render,
 * the page's fields and URL and the decorators' code, so that a build decorates only what changed too.
 * Entries unused for two weeks are removed.
 */
export class OperationRenderer {
  readonly stats: RenderStats = { rendered: 0, cached: 0, decorated: 0 };
  private readonly version = rendererVersion();
  private readonly decoratorVersion = decoratorVersion();
  private readonly pool: WorkerPool<RenderRequest, RenderResult>;
  private readonly live: boolean;
  /** With `live`: the last results, decorated, by cache file and decoration: what the next reload reuses. */
  private decorated = new Map<string, RenderedRedoc>();

  /**
   * `live` is for the dev server, which renders again on every save: it keeps one worker loaded between
   * reloads (Redoc takes seconds to load) and the last decorated results in memory, so a reload only reads,
   * renders and decorates the operations that changed. A build renders once and keeps neither.
   */
  constructor(
    private readonly cacheDir: string,
    private readonly themeData: RedocThemeData,
    { live = false }: { live?: boolean } = {},
  ) {
    fs.mkdirSync(cacheDir, { recursive: true });
    this.live = live;
    this.pool = new WorkerPool({
      workerFile: path.join(__dirname, 'render-worker.ts'),
      // Each worker loads Redoc and jsdom once: not worth it for a handful of operations.
      requestsPerWorker: 8,
      keepOneWorker: live,
      describe: (request) => `Redoc could not render ${request.pointer}`,
    });
  }

  /** Starts a worker loading Redoc before the operations are known (Redoc takes seconds to load). */
  prestart(): void {
    this.pool.prestart(1);
  }

  private cacheFile({ specDigest, pointer }: OperationToRender): string {
    const options = [operationRedocOptions(this.themeData, 'light'), operationRedocOptions(this.themeData, 'dark')];
    const key = crypto
      .createHash('sha256')
      .update(JSON.stringify([this.version, pointer, options, specDigest]))
      .digest('hex');
    return path.join(this.cacheDir, `${key}.json`);
  }

  private readCache(file: string): RenderedRedoc | undefined {
    try {
      const rendered = JSON.parse(fs.readFileSync(file, 'utf8')) as RenderedRedoc;
      const now = new Date();
      fs.utimesSync(file, now, now);
      return rendered;
    } catch {
      return undefined;
    }
  }

  async renderAll(operations: OperationToRender[]): Promise<RenderedRedoc[]> {
    const files = operations.map((operation) => this.cacheFile(operation));
    const decorationKeys = operations.map((operation, index) =>
      decorationKey(files[index]!, this.decoratorVersion, operation),
    );
    const decoratedFiles = decorationKeys.map((key) => path.join(this.cacheDir, `${key}.decorated.json`));
    const results = decorationKeys.map(
      (key, index) => this.decorated.get(key) ?? this.readCache(decoratedFiles[index]!),
    );
    // What is not decorated yet: its render from the cache, decorated here, or rendered and decorated by a worker.
    const undecorated = new Map<number, RenderedRedoc>();
    const missing: number[] = [];
    results.forEach((result, index) => {
      if (result) return;
      const render = this.readCache(files[index]!);
      if (render) undecorated.set(index, render);
      else missing.push(index);
    });
    const rendering = this.pool.runAll(missing.map((index) => ({ ...operations[index]!, themeData: this.themeData })));
    for (const [index, render] of undecorated) results[index] = decorate(render, operations[index]!);
    (await rendering).forEach(({ rendered, decorated }, position) => {
      const index = missing[position]!;
      writeFileAtomically(files[index]!, JSON.stringify(rendered));
      results[index] = decorated;
    });
    for (const index of [...undecorated.keys(), ...missing]) {
      writeFileAtomically(decoratedFiles[index]!, JSON.stringify(results[index]));
    }
    this.stats.rendered += missing.length;
    this.stats.cached += operations.length - missing.length;
    this.stats.decorated += undecorated.size + missing.length;
    if (this.live) this.decorated = new Map(decorationKeys.map((key, index) => [key, results[index]!]));
    return results as RenderedRedoc[];
  }

  prune(maxAgeDays = 14): void {
    const oldest = Date.now() - maxAgeDays * 24 * 3600 * 1000;
    for (const name of fs.readdirSync(this.cacheDir)) {
      const file = path.join(this.cacheDir, name);
      if (fs.statSync(file).mtimeMs < oldest) fs.rmSync(file, { force: true });
    }
  }
}
