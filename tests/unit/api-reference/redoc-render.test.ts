import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postcss from 'postcss';
import { loadReferenceModel } from '../../../src/plugins/api-reference/spec';
import { buildOperationSpec, miniSpecDigest } from '../../../src/plugins/api-reference/spec/mini-spec';
import { buildCodeSamples } from '../../../src/plugins/api-reference/samples/code-samples';
import { OperationRenderer, type OperationToRender } from '../../../src/plugins/api-reference/redoc/render';
import { loadRedocThemeData } from '../../../src/plugins/api-reference/redoc/theme-data';
import { operationRedocOptions, type RedocThemeData } from '../../../src/plugins/api-reference/redoc/options';
import { sanitizeRemembered } from '../../../src/plugins/api-reference/redoc/node-dompurify';
import { observableModels, renderOperationMarkup } from '../../../src/plugins/api-reference/redoc/render-markup';
import { operationFields } from '../../../src/plugins/api-reference/field-anchors/ids';

const ROOT = path.resolve(__dirname, '../../..');
const REVISION = '2026-07-15';

/** Each operation to render, with its operationId to find it by. */
async function operationsOf(specsDir: string): Promise<(OperationToRender & { operationId: string })[]> {
  const model = await loadReferenceModel(specsDir, ROOT);
  return model.revisions.flatMap((revision) =>
    revision.operations.map((operation) => {
      const spec = buildOperationSpec(
        revision.spec,
        operation,
        buildCodeSamples(revision.spec, operation, revision.revision),
      );
      return {
        spec,
        specDigest: miniSpecDigest(spec),
        pointer: operation.pointer,
        operationId: operation.operationId,
        context: {
          fields: operationFields(revision.spec, operation.path, operation.method),
          pageUrl: `https://portal.test/reference/${operation.operationId}`,
        },
      };
    }),
  );
}

describe("each operation's Redoc markup, rendered in Node through the cache", () => {
  let dir: string;
  let specsDir: string;
  let cacheDir: string;
  let themeData: RedocThemeData;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redoc-render-'));
    specsDir = path.join(dir, 'specs');
    cacheDir = path.join(dir, 'cache');
    fs.cpSync(path.join(ROOT, 'specs', REVISION), path.join(specsDir, REVISION), { recursive: true });
    const { default: config } = await import('../../../docusaurus.config');
    themeData = await loadRedocThemeData(config);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('renders every operation once; the next build reads them all from the cache; an edit re-renders that operation only', async () => {
    const operations = await operationsOf(specsDir);
    const cold = new OperationRenderer(cacheDir, themeData);
    const first = await cold.renderAll(operations);
    expect(cold.stats).toEqual({ rendered: operations.length, cached: 0, decorated: operations.length });

    // A new build (a new renderer, as in a new `docusaurus build`) with nothing changed.
    const warm = new OperationRenderer(cacheDir, themeData);
    const second = await warm.renderAll(await operationsOf(specsDir));
    expect(warm.stats).toEqual({ rendered: 0, cached: operations.length, decorated: 0 });
    expect(second).toEqual(first);

    // A page moved: its render is reused, its decoration (the copy-link URLs) is not.
    const moved = (await operationsOf(specsDir)).map((operation) =>
      operation.operationId === 'get_profiles'
        ? { ...operation, context: { ...operation.context, pageUrl: 'https://moved.test/reference/get_profiles' } }
        : operation,
    );
    const afterMove = new OperationRenderer(cacheDir, themeData);
    const movedMarkup = await afterMove.renderAll(moved);
    expect(afterMove.stats).toEqual({ rendered: 0, cached: operations.length, decorated: 1 });
    const movedIndex = moved.findIndex((operation) => operation.operationId === 'get_profiles');
    expect(movedMarkup[movedIndex]!.html).toContain('data-copy-link="https://moved.test/reference/get_profiles#');
    expect(movedMarkup[movedIndex]!.css).toBe(first[movedIndex]!.css);

    const file = path.join(specsDir, REVISION, 'paths', 'api_profiles.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('to walk through every page.', 'to walk through every page. Edited once.'),
    );
    const edited = await operationsOf(specsDir);
    const incremental = new OperationRenderer(cacheDir, themeData);
    const third = await incremental.renderAll(edited);
    expect(incremental.stats).toEqual({ rendered: 1, cached: operations.length - 1, decorated: 1 });
    const changed = edited.findIndex((operation) => operation.operationId === 'get_profiles');
    expect(third[changed]!.html).toContain('Edited once.');
    // The field anchors are added to the markup after the cache (decorateRenderedOperation), cached or not.
    for (const markup of [first[changed]!, second[changed]!, third[changed]!]) {
      expect(markup.html).toContain('id="param-page-size"');
      expect(markup.html).toContain('data-copy-link="https://portal.test/reference/get_profiles#param-page-size"');
    }
    expect(first[changed]!.html).not.toContain('Edited once.');
  }, 600_000);

  it("the dev server's renderer keeps its last results: a reload reads and renders only what changed", async () => {
    const liveCache = path.join(dir, 'live-cache');
    const operations = await operationsOf(specsDir);
    const live = new OperationRenderer(liveCache, themeData, { live: true });
    const first = await live.renderAll(operations);
    expect(live.stats).toEqual({ rendered: operations.length, cached: 0, decorated: operations.length });
    // Nothing left on disk: what the next reload reuses is in memory.
    fs.rmSync(liveCache, { recursive: true });
    fs.mkdirSync(liveCache);
    const second = await live.renderAll(await operationsOf(specsDir));
    expect(live.stats).toEqual({
      rendered: operations.length,
      cached: operations.length,
      decorated: operations.length,
    });
    expect(second).toEqual(first);

    const file = path.join(specsDir, REVISION, 'paths', 'api_profiles.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Edited once.', 'Edited twice.'));
    const third = await live.renderAll(await operationsOf(specsDir));
    expect(live.stats).toEqual({
      rendered: operations.length + 1,
      cached: 2 * operations.length - 1,
      decorated: operations.length + 1,
    });
    const changed = operations.findIndex((operation) => operation.operationId === 'get_profiles');
    expect(third[changed]!.html).toContain('Edited twice.');
    expect(third[changed]!.html).toContain('id="param-page-size"');
  }, 600_000);

  it('styles the markup in both colour modes: the dark CSS names the classes of the (light) markup', async () => {
    const [operation] = (await operationsOf(specsDir)).filter(
      (candidate) => candidate.operationId === 'create_campaign',
    );
    const [{ html, css }] = await new OperationRenderer(cacheDir, themeData).renderAll([operation!]);
    const markupClasses = new Set([...html.matchAll(/ class="([^"]*)"/g)].flatMap((match) => match[1]!.split(' ')));
    const rules: { selector: string; declarations: string }[] = [];
    postcss.parse(css).walkRules((rule) => {
      rules.push({ selector: rule.selector, declarations: rule.nodes.map(String).join(';') });
    });
    const classesIn = (scope: string) =>
      new Set(
        rules
          .filter((rule) => rule.selector.startsWith(scope))
          .flatMap((rule) => [...rule.selector.matchAll(/\.([\w-]+)/g)].map((match) => match[1]!)),
      );
    const dark = classesIn("html[data-theme='dark']");
    const light = classesIn("html:not([data-theme='dark'])");
    // What the theme does not colour is the same in both renders, and written once for both modes.
    const both = classesIn('html:root ');
    expect(dark.size).toBeGreaterThan(10);
    expect(both.size).toBeGreaterThan(dark.size);
    expect(
      rules.every((rule) =>
        /^(html:not\(\[data-theme='dark'\]\)|html\[data-theme='dark'\]|html:root) /.test(rule.selector),
      ),
    ).toBe(true);
    // Every styled-components class the dark rules select is one the markup has.
    const styledOnly = (names: Set<string>) =>
      [...names].filter((name) => /^(?=.*[A-Z])(?=.*[a-z])[a-zA-Z]{5,7}$/.test(name));
    expect(styledOnly(dark).filter((name) => !markupClasses.has(name))).toEqual([]);
    expect(styledOnly(light).filter((name) => !markupClasses.has(name))).toEqual([]);
    expect(styledOnly(both).filter((name) => !markupClasses.has(name))).toEqual([]);
    // Some element gets a different colour in each mode.
    const colours = (scope: string) =>
      new Map(
        rules
          .filter((rule) => rule.selector.startsWith(scope) && /(^|;)color:/.test(rule.declarations))
          .map((rule) => [rule.selector.slice(scope.length), rule.declarations]),
      );
    const lightColours = colours("html:not([data-theme='dark'])");
    const differing = [...colours("html[data-theme='dark']")].filter(
      ([selector, declarations]) => lightColours.has(selector) && lightColours.get(selector) !== declarations,
    );
    expect(differing.length).toBeGreaterThan(0);
  }, 300_000);

  it('keeps nothing of a render once it is done: a worker renders operation after operation in flat memory', async () => {
    v8.setFlagsFromString('--expose-gc');
    const collectGarbage = vm.runInNewContext('gc') as () => void;
    const heapAfterCollection = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const operations = await operationsOf(specsDir);
    const renderEach = () => {
      for (const { spec, pointer } of operations) renderOperationMarkup(spec, pointer, themeData);
    };
    // The first pass fills the renderer's bounded caches of recent results (sanitized text, scoped CSS).
    renderEach();
    const before = heapAfterCollection();
    renderEach();
    renderEach();
    const retainedMegabytes = (heapAfterCollection() - before) / 1e6;
    // Redoc's components are MobX observers: unless rendering statically, each render left a reaction holding
    // its operation's models in mobx-react's FinalizationRegistry (110 MB for these two passes, and 100 to
    // 250 MB for each flow operation of the 3 MB fixture).
    expect(retainedMegabytes).toBeLessThan(20);
  }, 300_000);

  it("renders Redoc's models without MobX observables, to the same markup as with them", async () => {
    const redocMobx = createRequire(require.resolve('redoc/package.json'))('mobx') as {
      makeObservable: typeof observableModels;
      isObservableObject(value: unknown): boolean;
    };
    // Loaded after render-markup.ts, which points Redoc's sanitizer at a DOM first (node-dompurify.ts).
    const { AppStore } = await import('redoc');
    const plainModels = redocMobx.makeObservable;
    const operations = await operationsOf(specsDir);
    const [first] = operations;
    const options = operationRedocOptions(themeData, 'light');
    // Redoc reads mobx's export at each call: its stores and models are plain objects here.
    expect(redocMobx.isObservableObject(new AppStore(first!.spec as never, undefined, options).menu)).toBe(false);
    const withObservables = operations.map(({ spec, pointer }) => {
      redocMobx.makeObservable = observableModels;
      try {
        expect(redocMobx.isObservableObject(new AppStore(spec as never, undefined, options).menu)).toBe(true);
        return renderOperationMarkup(spec, pointer, themeData);
      } finally {
        redocMobx.makeObservable = plainModels;
      }
    });
    expect(operations.map(({ spec, pointer }) => renderOperationMarkup(spec, pointer, themeData))).toEqual(
      withObservables,
    );
  }, 300_000);

  it('renders both colour modes from one store: their options differ in the theme alone', () => {
    const { theme: lightTheme, ...light } = operationRedocOptions(themeData, 'light');
    const { theme: darkTheme, ...dark } = operationRedocOptions(themeData, 'dark');
    expect(dark).toEqual(light);
    expect(darkTheme).not.toEqual(lightTheme);
  });
});

describe("Redoc's sanitizer in Node", () => {
  it('answers a repeated description from its recent results, as clean as the first time', () => {
    const hostile = '<p>Hi<img src=x onerror="alert(1)"><script>alert(2)</script></p>';
    const first = sanitizeRemembered(hostile);
    expect(first).toBe('<p>Hi<img src="x"></p>');
    expect(sanitizeRemembered(hostile)).toBe(first);
    expect(sanitizeRemembered('<a href="javascript:alert(3)">x</a>')).toBe('<a>x</a>');
  });

  it('passes calls with a configuration through to DOMPurify', () => {
    expect(sanitizeRemembered('<p>Hi <b>there</b></p>', { ALLOWED_TAGS: ['b'] })).toBe('Hi <b>there</b>');
    expect(sanitizeRemembered('<p>Hi <b>there</b></p>')).toBe('<p>Hi <b>there</b></p>');
  });
});
