/**
 * Redirects that keep links in the shape of the platform's previous developer portal working
 * (`/en/reference/{operationId}`, `/en/v{revision}/reference/{operationId}`, `/en/docs/{slug}`).
 * Used by @docusaurus/plugin-client-redirects in docusaurus.config.ts:
 * - `legacyPathsFor` is its `createRedirects`: it runs on the routes the site really has, so the
 *   reference redirects follow the operations of the parsed specs (the api-reference plugin parses
 *   them once; no second parse here) and a redirect can never point to a missing page.
 * - `legacyDocRedirects` lists old slugs that do not derive from our doc ids; the redirect plugin
 *   fails the build if one of their targets disappears.
 * Redirect pages forward `?query` and `#anchor`, so `/en/docs/api_overview#pagination` lands on the anchor.
 */

const REVISION = /^v(\d{4}-\d{2}-\d{2})$/;

/**
 * Operations whose operationId changed (new id -> old ids). Their old reference URLs, on this portal and
 * in the previous portal's shape, redirect to the new page of every revision that has it.
 */
export const RENAMED_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  bulk_subscribe_profiles: ['subscribe_profiles'],
  bulk_unsubscribe_profiles: ['unsubscribe_profiles'],
  get_lists_for_profile: ['get_profile_lists'],
  get_profiles_for_list: ['get_list_profiles'],
  get_profiles_for_segment: ['get_segment_profiles'],
};

export interface RedirectRule {
  from: string[];
  to: string;
}

/** Old-portal paths that should land on `routePath` (a route of this site, relative to baseUrl). */
export function legacyPathsFor(routePath: string, latestRevision: string): string[] {
  const segments = routePath.split('/').filter(Boolean);
  const [section, ...rest] = segments;
  const paths = new Set<string>();

  if (section === 'reference') {
    const revision = rest[0] ? REVISION.exec(rest[0])?.[1] : undefined;
    const tail = revision ? rest.slice(1) : rest;
    const renamed = tail.length === 1 ? (RENAMED_OPERATIONS[tail[0]!] ?? []) : [];
    // A renamed operation's old URL on this portal: /reference[/v{revision}]/{old id}.
    for (const old of renamed) paths.add(['', 'reference', ...(revision ? [`v${revision}`] : []), old].join('/'));
    for (const ids of [tail, ...renamed.map((name) => [name])]) {
      if (revision) {
        // /reference/v2026-04-15[/x] <- /en/v2026-04-15/reference[/x]
        paths.add(['', 'en', `v${revision}`, 'reference', ...ids].join('/'));
      } else {
        // Latest revision: /reference[/x] <- /en/reference[/x] and /en/v{latest}/reference[/x]
        paths.add(['', 'en', 'reference', ...ids].join('/'));
        paths.add(['', 'en', `v${latestRevision}`, 'reference', ...ids].join('/'));
      }
    }
  } else if (section === 'docs' && rest.length > 0) {
    // Our doc id as it is (/en/docs/guides/understanding-customer-data), the old portal's
    // underscore style (/en/docs/guides/understanding_customer_data) and its flat slugs
    // (/en/docs/understanding_customer_data, /en/docs/understanding-customer-data).
    const last = rest[rest.length - 1]!;
    const underscored = rest.map((segment) => segment.replace(/-/g, '_'));
    paths.add(['', 'en', 'docs', ...rest].join('/'));
    paths.add(['', 'en', 'docs', ...underscored].join('/'));
    paths.add(`/en/docs/${last}`);
    paths.add(`/en/docs/${last.replace(/-/g, '_')}`);
  } else if (section === 'blog') {
    paths.add(['', 'en', ...segments].join('/'));
  } else if (segments.length === 0) {
    paths.add('/en');
  }
  paths.delete(routePath);
  return [...paths].sort();
}

/** Old slugs that name a page differently from our doc ids; `revisions` are all revisions with a spec. */
export function legacyDocRedirects(revisions: readonly string[]): RedirectRule[] {
  const perRevision = (slug: string, kind: 'docs' | 'reference') =>
    revisions.map((revision) => `/en/v${revision}/${kind}/${slug}`);
  return [
    { from: ['/en/docs'], to: '/docs/getting-started' },
    {
      // The old portal kept the API overview under /reference, with or without a revision.
      from: [
        '/en/reference/api_overview',
        '/en/reference/api-overview',
        ...perRevision('api_overview', 'reference'),
        ...perRevision('api-overview', 'reference'),
      ],
      to: '/docs/api-overview',
    },
    { from: ['/en/docs/sdk_overview', '/en/docs/sdk-overview'], to: '/docs/sdks' },
    {
      from: ['/en/docs/rate_limits_and_error_handling', ...perRevision('rate_limits_and_error_handling', 'docs')],
      to: '/docs/api-overview#rate-limits',
    },
    {
      from: ['/en/docs/retrieve_api_credentials', '/en/docs/authenticate_', '/en/docs/authentication'],
      to: '/docs/api-overview#authentication',
    },
    { from: ['/en/docs/getting_started_with_the_api', '/en/docs/quickstart'], to: '/docs/getting-started' },
    {
      from: ['/en/docs/klaviyo_developer_slack', '/en/docs/developer_community'],
      to: '/docs/community/developer-slack',
    },
  ];
}
