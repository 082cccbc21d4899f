import merge from 'lodash/merge';
import type { RedocRawOptions } from 'redoc';

/**
 * Redoc's options for one operation page, in one place for both renderers: the build renders every
 * operation's static markup in Node (redoc/render.ts) and the browser mounts Redoc over it on the first
 * interaction (theme/ApiReference/RedocLive.tsx). Both start from docusaurus-theme-redoc's global data, so
 * the two produce the same markup.
 */

/** What docusaurus-theme-redoc publishes as its global data (`getGlobalData` of its options). */
export interface RedocThemeData {
  lightTheme: NonNullable<RedocRawOptions['theme']>;
  darkTheme: NonNullable<RedocRawOptions['theme']>;
  options: RedocRawOptions;
}

export type ColorMode = 'light' | 'dark';
export type Expansion = 'default' | 'all' | 'none';

/**
 * Status colours per colour mode. The theme plugin shares one palette between light and dark,
 * and no single red or green reaches 4.5:1 on both Redoc's light panels and its dark ones.
 */
const MODE: Record<ColorMode, RedocRawOptions> = {
  light: {
    theme: {
      colors: { primary: { main: '#0b57d0' }, error: { main: '#b3261e' }, success: { main: '#1a7f37' } },
      rightPanel: { backgroundColor: '#1b2028' },
    },
  },
  dark: {
    theme: {
      colors: { primary: { main: '#8dbbfe' }, error: { main: '#ff8a80' }, success: { main: '#7ee787' } },
    },
  },
};

/**
 * One operation per store: Redoc's own search index would only slow the page down (and lunr is stubbed out).
 * Bodies open: the single `data` member of a JSON:API document and the level below it (`attributes`) are
 * expanded, so the attributes and their descriptions show without a click; successful responses are open,
 * errors stay folded; samples show the whole example. The generated code samples come before the payload,
 * and the page's own facts already name the authentication.
 */
const ONE_OPERATION: RedocRawOptions = {
  // Property names take what they need; descriptions get the rest (Redoc's default gives them 75%).
  theme: { schema: { defaultDetailsWidth: '80%' } },
  disableSearch: true,
  // Spec text is untrusted: Redoc runs DOMPurify over every Markdown block it renders, in Node
  // (redoc/render.ts gives it DOMPurify over a jsdom window) and in the browser.
  untrustedSpec: true,
  expandSingleSchemaField: true,
  schemaExpansionLevel: 2,
  expandResponses: '200,201,202,203,204,206',
  jsonSampleExpandLevel: 'all',
  payloadSampleIdx: 99,
  hideSecuritySection: true,
  // The page has no Redoc menu to scroll-spy (its store's menu is disposed in the browser).
  scrollYOffset: 0,
};

/** What the page's "Expand all" / "Collapse all" control switches to. */
const EXPANSION: Record<Exclude<Expansion, 'default'>, RedocRawOptions> = {
  all: { schemaExpansionLevel: 'all', expandResponses: 'all', jsonSampleExpandLevel: 'all' },
  none: { schemaExpansionLevel: 0, expandSingleSchemaField: false, expandResponses: '', jsonSampleExpandLevel: 1 },
};

export function operationRedocOptions(
  themeData: RedocThemeData,
  mode: ColorMode,
  expansion: Expansion = 'default',
): RedocRawOptions {
  const options = merge(
    {},
    themeData.options,
    { theme: mode === 'dark' ? themeData.darkTheme : themeData.lightTheme },
    MODE[mode],
    ONE_OPERATION,
  );
  return expansion === 'default' ? options : { ...options, ...EXPANSION[expansion] };
}
