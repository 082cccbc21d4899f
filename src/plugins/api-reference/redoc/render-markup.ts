import './node-dompurify';
import { createRequire } from 'node:module';
import { renderToString } from 'react-dom/server';
import { ServerStyleSheet } from 'styled-components';
import { AppStore, RedocNormalizedOptions } from 'redoc';
import postcss from 'postcss';
import prefixer from 'postcss-prefix-selector';
import type { OpenApiDocument } from '../spec/types';
import type { RenderedRedoc } from '../types';
import { operationRedocOptions, type RedocThemeData } from './options';
import { redocOperationView } from './view';
import { RecentResults } from '../../../lib/recent-results';

/**
 * Redoc renders each operation here once, and nothing reacts to its models afterwards, so two parts of MobX
 * that serve a live page are turned off in these workers (in Redoc's own copies of mobx and mobx-react):
 * - Static rendering. Otherwise each render leaves a reaction per observer component in mobx-react's
 *   FinalizationRegistry, holding that component's models until a finalizer runs, which a loop of renders never
 *   lets happen: 100 to 250 MB per flow operation of the 3 MB fixture, and a worker that then mostly collected
 *   garbage (mobx-react's advice for server rendering).
 * - Observable models. Redoc's model constructors call `(0, mobx.makeObservable)(this)`, reading the export at
 *   each call; here it leaves the model as it is, which saves about 30% of a render. (Redoc's search, the
 *   one part of its stores that observes a model, is off for these renders: options.ts.)
 * The markup is the same, byte for byte (redoc-render.test.ts).
 */
const redocRequire = createRequire(require.resolve('redoc/package.json'));
(redocRequire('mobx-react') as { enableStaticRendering(enable: boolean): void }).enableStaticRendering(true);
const redocMobx = redocRequire('mobx') as { makeObservable<T>(target: T): T };
/** MobX's own `makeObservable`, which these renders leave out; a test renders with it, to compare. */
export const observableModels = redocMobx.makeObservable;
redocMobx.makeObservable = (target) => target;

/**
 * One operation's Redoc markup and CSS, rendered in Node at build time (in a worker of render.ts's pool):
 * the page shows them as static HTML and loads Redoc only when the reader first needs it.
 *
 * styled-components names classes by a hash of their CSS, so the light and the dark theme give the same
 * element different class names. The markup is the light render; the dark render's CSS is rewritten onto
 * the light render's class names (the two trees have the same shape), so the static markup is styled in
 * both modes with no script.
 */

const LIGHT_SCOPE = "html:not([data-theme='dark'])";
const DARK_SCOPE = "html[data-theme='dark']";
/** Both modes, for the rules the two renders share: as specific as the two scopes above (type and attribute). */
const BOTH_SCOPE = 'html:root';
const CLASS_ATTRIBUTE = / class="([^"]*)"/g;

type RedocTheme = AppStore['options']['theme'];

function renderWithStyles(store: AppStore, pointer: string, theme: RedocTheme): RenderedRedoc {
  const sheet = new ServerStyleSheet();
  try {
    // Its own prefix for React's ids (react-tabs uses them), so they never meet the page's own.
    const html = renderToString(sheet.collectStyles(redocOperationView(store, pointer, theme)), {
      identifierPrefix: 'redoc-',
    });
    return { html, css: String(sheet.instance) };
  } finally {
    sheet.seal();
  }
}

/** Class name in `from` → the class names the same elements have in `to`. */
function classCorrespondence(from: string, to: string): Map<string, Set<string>> {
  const fromClasses = [...from.matchAll(CLASS_ATTRIBUTE)].map((match) => match[1]!.split(' '));
  const toClasses = [...to.matchAll(CLASS_ATTRIBUTE)].map((match) => match[1]!.split(' '));
  if (fromClasses.length !== toClasses.length) {
    throw new Error('Redoc rendered the light and dark themes with different markup');
  }
  const map = new Map<string, Set<string>>();
  fromClasses.forEach((names, element) => {
    names.forEach((name, index) => {
      const target = toClasses[element]![index];
      if (target) (map.get(name) ?? map.set(name, new Set()).get(name)!).add(target);
    });
  });
  return map;
}

const CLASS_SELECTOR = /\.(-?[_a-zA-Z][\w-]*)/g;

/**
 * styled-components' sheet as rules, each a complete rule or at-rule: the sheet ends each with this marker.
 * Its rehydration markers (`data-styled.g1[id=…]{content:…}`) select nothing and are left out.
 */
const RULE_END = '/*!sc*/\n';
function sheetRules(css: string): string[] {
  return css.split(RULE_END).filter((rule) => rule.trim() !== '' && !rule.startsWith('data-styled'));
}

/** A rule with its selectors' class names replaced by the names the same elements have in the other render. */
function onClasses(css: string, names: Map<string, Set<string>>): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    rule.selectors = rule.selectors.flatMap((selector) => {
      let variants = [selector];
      for (const [, name] of selector.matchAll(CLASS_SELECTOR)) {
        const targets = names.get(name!);
        if (!targets || (targets.size === 1 && targets.has(name!))) continue;
        const pattern = new RegExp(`\\.${name}(?![\\w-])`, 'g');
        variants = variants.flatMap((variant) => [...targets].map((target) => variant.replace(pattern, `.${target}`)));
      }
      return variants;
    });
  });
  return root.toString();
}

function scoped(css: string, prefix: string): string {
  return postcss().use(prefixer({ prefix })).process(css).css;
}

/**
 * The operations of a spec render mostly the same styled components, so the same rules come back in every
 * render: each rule's rewrite is kept, by the rule and what its class names map to. Bounded, as a worker
 * renders hundreds of operations.
 */
const rewrittenRules = new RecentResults<string>(20_000);

function scopedRule(rule: string, scope: string): string {
  return rewrittenRules.get(`${scope}\n${rule}`, () => scoped(rule, scope));
}

/**
 * The light render's rules under the light scope and the dark render's, on the light render's class names,
 * under the dark scope; a rule both renders have at the same place (most of them: what the theme does not
 * colour) once, under the scope of both. Either mode's rules keep their order, so the cascade is Redoc's.
 */
function bothModesCss(light: RenderedRedoc, dark: RenderedRedoc): string {
  const darkToLight = classCorrespondence(dark.html, light.html);
  const lightRules = sheetRules(light.css);
  const darkRules = sheetRules(dark.css).map((rule) => {
    const mapping = [...new Set([...rule.matchAll(CLASS_SELECTOR)].map(([, name]) => name!))].map((name) => [
      name,
      [...(darkToLight.get(name) ?? [])],
    ]);
    return rewrittenRules.get(`${rule}\n${JSON.stringify(mapping)}`, () => onClasses(rule, darkToLight));
  });
  const css: string[] = [];
  for (let index = 0; index < Math.max(lightRules.length, darkRules.length); index += 1) {
    const lightRule = lightRules[index];
    const darkRule = darkRules[index];
    if (lightRule === darkRule) {
      css.push(scopedRule(lightRule!, BOTH_SCOPE));
      continue;
    }
    if (lightRule !== undefined) css.push(scopedRule(lightRule, LIGHT_SCOPE));
    if (darkRule !== undefined) css.push(scopedRule(darkRule, DARK_SCOPE));
  }
  return css.join('\n');
}

export function renderOperationMarkup(
  spec: OpenApiDocument,
  pointer: string,
  themeData: RedocThemeData,
): RenderedRedoc {
  // The two colour modes' options differ in their theme only (options.ts): one store, one model of the
  // operation, renders both, each under its own theme.
  const store = new AppStore(spec as never, undefined, operationRedocOptions(themeData, 'light'));
  try {
    const light = renderWithStyles(store, pointer, store.options.theme);
    const dark = renderWithStyles(
      store,
      pointer,
      new RedocNormalizedOptions(operationRedocOptions(themeData, 'dark')).theme,
    );
    return { html: light.html, css: bothModesCss(light, dark) };
  } finally {
    store.dispose();
  }
}
