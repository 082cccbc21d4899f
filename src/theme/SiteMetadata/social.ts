import { REFERENCE_BASE, withoutBaseUrl } from '../../plugins/api-reference/routes';

/**
 * Which social card (og:image) and fallback description each section of the portal uses.
 * Pages that set their own image (front matter `image`) or description keep theirs.
 * The PNGs are drawn once by scripts/social-cards.ts and committed in static/img/social/.
 */
export type Section = 'home' | 'guides' | 'reference' | 'blog' | 'community';

export interface SocialCard {
  section: Section;
  /** Path of the card image, relative to the site's baseUrl (static/ folder). */
  image: string;
  /** Used when a page sets no description of its own. */
  description: string;
  /** og:title for the few pages that only set a document <title> (the default og:title is the site name). */
  fallbackTitle?: string;
}

const CARDS: Record<Section, Omit<SocialCard, 'fallbackTitle'>> = {
  home: {
    section: 'home',
    image: 'img/social/home.png',
    description: 'Guides, API reference, SDKs and community for developers building on the Klaviyo API.',
  },
  guides: {
    section: 'guides',
    image: 'img/social/guides.png',
    description: 'Step-by-step guides to the Klaviyo API: keys, revisions, pagination, filtering, events and SDKs.',
  },
  reference: {
    section: 'reference',
    image: 'img/social/reference.png',
    description:
      'Reference for every Klaviyo API endpoint, with parameters, responses, scopes, rate limits and samples.',
  },
  blog: {
    section: 'blog',
    image: 'img/social/blog.png',
    description: 'Engineering notes from the team behind the Klaviyo API, its SDKs and this portal.',
  },
  community: {
    section: 'community',
    image: 'img/social/community.png',
    description: 'How the Klaviyo developer community works: the developer Slack and its code of conduct.',
  },
};

/** Pages whose component only sets a document title; they get a distinct og:title and description. */
const PAGE_OVERRIDES: Record<string, { title: string; description: string }> = {
  '/search': {
    title: 'Search the documentation',
    description: 'Search the guides, API reference and blog of the Klaviyo Developer Portal.',
  },
};

/** Strips `baseUrl` and a trailing slash (or `.html`), so `/portal/docs/x/` becomes `/docs/x`. */
export function sitePath(pathname: string, baseUrl = '/'): string {
  let path = withoutBaseUrl(pathname, baseUrl);
  path = path.replace(/\.html$/, '').replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

export function sectionOf(pathname: string, baseUrl = '/'): Section {
  const path = sitePath(pathname, baseUrl);
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (under('/docs/community')) return 'community';
  if (under('/docs')) return 'guides';
  if (under(REFERENCE_BASE)) return 'reference';
  if (under('/blog')) return 'blog';
  return 'home';
}

export function socialCardFor(pathname: string, baseUrl = '/'): SocialCard {
  const card = CARDS[sectionOf(pathname, baseUrl)];
  const override = PAGE_OVERRIDES[sitePath(pathname, baseUrl)];
  return override ? { ...card, description: override.description, fallbackTitle: override.title } : { ...card };
}

export const SOCIAL_IMAGES: readonly string[] = Object.values(CARDS).map((card) => card.image);
