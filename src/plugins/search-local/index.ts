/**
 * A thin wrapper around @easyops-cn/docusaurus-search-local (offline lunr search) that adds two things the
 * plugin has no option for:
 *
 * 1. Section labels. Every result shows the section it belongs to (Guides, Reference, Blog, Community). The plugin
 *    displays a page's "breadcrumb" next to each hit but only derives it for docs and blog pages, from the active
 *    navbar item and sidebar category; generated pages such as the API reference get none. After the plugin writes
 *    its index, postBuild replaces every page's breadcrumb with the label of the first section whose path prefix
 *    matches the page URL.
 * 2. Query tokens that match the index. Indexed words pass through lunr's trimmer, which strips leading and
 *    trailing punctuation (`/api/profiles/{id}` is stored as `api/profiles/{id`, `#api-help` as `api` + `help`),
 *    but the plugin's browser side does not trim the words typed into the search box, so searching for a path or a
 *    Slack channel finds nothing. A bundler replacement swaps its query tokenizer for ./query-tokenize.ts, which
 *    trims words the same way.
 * 3. Extra searchable sections and result badges from other plugins (`pageExtras`, ./page-extras.ts): operation
 *    pages add their fields as sections, so a field name finds the operations that have it and leads to its anchor,
 *    and their method and path, shown with each result. After the plugin writes its index, postBuild adds them in the
 *    plugin's own format and rebuilds the headings' lunr index with the plugin's own builder. In the browser two
 *    more replacements show the badges (./suggestion-template.ts) and rank a page named exactly by the query first
 *    (./sort-results.ts).
 * 4. A search shortcut that works before hydration. The plugin listens for Ctrl/Cmd+K only once React runs; a
 *    small inline script handles the keys until then, by focusing the server-rendered search box (and keeping
 *    the browser from taking the shortcut for its own address bar). On mount the search bar finds itself focused
 *    and loads its index, as if the reader had clicked it.
 */
import path from 'node:path';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { LoadContext, OptionValidationContext, Plugin, PluginModule, Props } from '@docusaurus/types';
import * as searchLocalModule from '@easyops-cn/docusaurus-search-local';
import type { PluginOptions as SearchLocalOptions } from '@easyops-cn/docusaurus-search-local';
import { buildIndex } from '@easyops-cn/docusaurus-search-local/dist/server/server/utils/buildIndex';
import { processPluginOptions } from '@easyops-cn/docusaurus-search-local/dist/server/server/utils/processPluginOptions';
import logger from '@docusaurus/logger';
import { addPageExtras, HEADING_INDEX, type SearchPageExtras, type SerializedIndex } from './page-extras';
import { withParsedPageCache } from './parse-cache';

export interface SearchSection {
  /** Route prefix without leading slash, e.g. `docs/community`; the first matching section wins. */
  path: string;
  label: string;
}

export interface SearchPluginOptions extends SearchLocalOptions {
  /** Labels shown with each result, by route prefix. */
  sectionLabels?: SearchSection[];
  /** Extra sections, badges and exact queries of indexed pages, from the build's loaded plugins (see 3. above). */
  pageExtras?: (props: Props) => SearchPageExtras[] | Promise<SearchPageExtras[]>;
}

type SerializedIndexes = SerializedIndex[];

const searchLocal = (searchLocalModule as unknown as { default: PluginModule<unknown> }).default;
const pluginValidateOptions = (
  searchLocalModule as unknown as {
    validateOptions: (data: OptionValidationContext<SearchLocalOptions, SearchLocalOptions>) => SearchLocalOptions;
  }
).validateOptions;

/** Label of the first section whose path is `url` or a parent of it (relative to baseUrl), if any. */
export function sectionLabel(url: string, baseUrl: string, sections: readonly SearchSection[]): string | undefined {
  const route = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url.replace(/^\//, '');
  return sections.find((section) => route === section.path || route.startsWith(`${section.path}/`))?.label;
}

/** Sets the breadcrumb of every page (the first of the plugin's five indexes holds one document per page). */
export function labelSections(indexes: SerializedIndexes, baseUrl: string, sections: readonly SearchSection[]): number {
  let labelled = 0;
  for (const page of indexes[0]?.documents ?? []) {
    const label = sectionLabel(page.u, baseUrl, sections);
    page.b = label ? [label] : [];
    if (label) labelled += 1;
  }
  return labelled;
}

/** The plugin's browser modules replaced by ours: request (as the plugin's own modules import it) → our file. */
const BROWSER_REPLACEMENTS: [RegExp, string][] = [
  [/[\\/]utils[\\/]tokenize(\.js)?$/, path.join(__dirname, 'query-tokenize.ts')],
  [/[\\/]utils[\\/]sortSearchResults(\.js)?$/, path.join(__dirname, 'sort-results.ts')],
  [/(^|[\\/])SuggestionTemplate(\.js)?$/, path.join(__dirname, 'suggestion-template.ts')],
];
const PLUGIN_CLIENT_DIR = `docusaurus-search-local${path.sep}dist${path.sep}client`;

/** Adds `extras` to the serialized indexes and rebuilds the headings' lunr index with the plugin's builder. */
export function applyPageExtras(
  indexes: SerializedIndexes,
  extras: readonly SearchPageExtras[],
  config: Parameters<typeof buildIndex>[1],
): void {
  const headings = addPageExtras(indexes, extras);
  indexes[HEADING_INDEX] = buildIndex([headings], config)[0] as SerializedIndex;
}

/** Runs in the page's <head>, before any bundle: see 3. above. Stops listening once the page has hydrated. */
export const EARLY_SHORTCUT_SCRIPT = `(function () {
  var root = document.documentElement;
  function focusSearch() {
    var input = document.querySelector('input.navbar__search-input');
    if (input) input.focus();
    return !!input;
  }
  function onKeyDown(event) {
    if (root.getAttribute('data-has-hydrated') === 'true') {
      document.removeEventListener('keydown', onKeyDown, true);
      return;
    }
    if (!(event.metaKey || event.ctrlKey) || event.altKey || event.shiftKey || String(event.key).toLowerCase() !== 'k') return;
    event.preventDefault();
    if (!focusSearch()) document.addEventListener('DOMContentLoaded', focusSearch, { once: true });
  }
  document.addEventListener('keydown', onKeyDown, true);
})();`;

export default function searchLocalWithSections(
  context: LoadContext,
  options: SearchPluginOptions,
): Plugin<unknown> | Promise<Plugin<unknown>> {
  const { sectionLabels = [], pageExtras, ...searchOptions } = options;
  const plugin = searchLocal(context, searchOptions) as Plugin<unknown>;
  const englishOnly = [searchOptions.language ?? 'en'].flat().every((language) => language === 'en');

  return {
    ...plugin,
    configureWebpack(config, isServer, utils, content) {
      const base = plugin.configureWebpack?.(config, isServer, utils, content) ?? {};
      // The replacement tokenizer only knows the default (non-CJK) word splitting.
      if (!englishOnly) return base;
      const { NormalModuleReplacementPlugin } = utils.currentBundler.instance;
      return {
        ...base,
        plugins: BROWSER_REPLACEMENTS.map(
          ([request, replacement]) =>
            new NormalModuleReplacementPlugin(request, (resource: { context?: string; request: string }) => {
              // Only the plugin's own imports: ours import the originals by their package path.
              if (resource.context?.includes(PLUGIN_CLIENT_DIR)) resource.request = replacement;
            }),
        ),
      };
    },
    injectHtmlTags(args) {
      const base = plugin.injectHtmlTags?.(args) ?? {};
      if (searchOptions.searchBarShortcut === false) return base;
      return {
        ...base,
        headTags: [...[base.headTags ?? []].flat(), { tagName: 'script', innerHTML: EARLY_SHORTCUT_SCRIPT }],
      };
    },
    async postBuild(props) {
      const started = performance.now();
      const { stats } = await withParsedPageCache(
        path.join(context.siteDir, 'node_modules', '.cache', 'search-local', 'parsed-pages.json'),
        async () => plugin.postBuild?.(props),
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      logger.info(`Search index: ${stats.parsed} pages parsed, ${stats.cached} from the cache, in ${seconds} s`);
      if (sectionLabels.length === 0 && !pageExtras) return;
      const extras = (await pageExtras?.(props)) ?? [];
      const config = processPluginOptions(searchOptions, context);
      const files = (await readdir(props.outDir)).filter((file) => /^search-index.*\.json$/.test(file));
      for (const file of files) {
        const filePath = path.join(props.outDir, file);
        const indexes = JSON.parse(await readFile(filePath, 'utf8')) as SerializedIndexes;
        if (sectionLabels.length > 0) labelSections(indexes, props.baseUrl, sectionLabels);
        if (extras.length > 0) applyPageExtras(indexes, extras, config);
        await writeFile(filePath, JSON.stringify(indexes));
      }
    },
  };
}

export function validateOptions({
  options,
  validate,
}: OptionValidationContext<SearchPluginOptions | undefined, SearchPluginOptions>): SearchPluginOptions {
  const { sectionLabels = [], pageExtras, ...rest } = options ?? {};
  const validated = pluginValidateOptions({
    options: rest,
    validate: validate as unknown as OptionValidationContext<SearchLocalOptions, SearchLocalOptions>['validate'],
  });
  return { ...validated, sectionLabels, pageExtras };
}
