import './node-dompurify';
import { renderToString } from 'react-dom/server';
import { ServerStyleSheet } from 'styled-components';
import { AppStore } from 'redoc';
import postcss from 'postcss';
import prefixer from 'postcss-prefix-selector';
import type { OpenApiDocument } from '../spec/types';
import type { RenderedRedoc } from '../types';
import { operationRedocOptions, type RedocThemeData } from './options';
import { redocOperationView } from './view';

/**
 * One operation's Redoc markup and CSS, rendered in Node at build time (in a worker of render-pool.ts):
 * the page shows them as static HTML and loads Redoc only when the reader first needs it.
 *
 * styled-components names classes by a hash of their CSS, so the light and the dark theme give the same
 * element different class names. The markup is the light render; the dark render's CSS is rewritten onto
 * the light render's class names (the two trees have the same shape), so the static markup is styled in
 * both modes with no script.
 */

const LIGHT_SCOPE = "html:not([data-theme='dark'])";
const DARK_SCOPE = "html[data-theme='dark']";
const CLASS_ATTRIBUTE = / class="([^"]*)"/g;

function renderWithStyles(spec: OpenApiDocument, pointer: string, options: object): RenderedRedoc {
  const sheet = new ServerStyleSheet();
  const store = new AppStore(spec as never, undefined, options);
  try {
    // Its own prefix for React's ids (react-tabs uses them), so they never meet the page's own.
    const html = renderToString(sheet.collectStyles(redocOperationView(store, pointer)), {
      identifierPrefix: 'redoc-',
    });
    return { html, css: String(sheet.instance) };
  } finally {
    sheet.seal();
    store.dispose();
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

/** The dark render's CSS with its selectors rewritten onto the light render's class names. */
function onLightClasses(darkCss: string, darkToLight: Map<string, Set<string>>): string {
  const root = postcss.parse(darkCss);
  root.walkRules((rule) => {
    // styled-components' rehydration markers (`data-styled.g1[id=…]`) select nothing.
    if (rule.selector.startsWith('data-styled')) {
      rule.remove();
      return;
    }
    rule.selectors = rule.selectors.flatMap((selector) => {
      let variants = [selector];
      for (const [, name] of selector.matchAll(CLASS_SELECTOR)) {
        const targets = darkToLight.get(name!);
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
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.selector.startsWith('data-styled')) rule.remove();
  });
  return postcss().use(prefixer({ prefix })).process(root).css;
}

export function renderOperationMarkup(
  spec: OpenApiDocument,
  pointer: string,
  themeData: RedocThemeData,
): RenderedRedoc {
  const light = renderWithStyles(spec, pointer, operationRedocOptions(themeData, 'light'));
  const dark = renderWithStyles(spec, pointer, operationRedocOptions(themeData, 'dark'));
  const darkCss = onLightClasses(dark.css, classCorrespondence(dark.html, light.html));
  return { html: light.html, css: scoped(light.css, LIGHT_SCOPE) + scoped(darkCss, DARK_SCOPE) };
}
