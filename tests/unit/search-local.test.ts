import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { labelSections, sectionLabel, type SearchSection } from '../../src/plugins/search-local';
import { tokenize } from '../../src/plugins/search-local/query-tokenize';

interface LunrToken {
  toString(): string;
}
/** The lunr that builds the search index, resolved from the search plugin (typed for the two functions used). */
const pluginRequire = createRequire(createRequire(import.meta.url).resolve('@easyops-cn/docusaurus-search-local'));
const lunr = pluginRequire('lunr') as {
  tokenizer: (text: string) => LunrToken[];
  trimmer: (token: LunrToken) => LunrToken | undefined;
};

const SECTIONS: SearchSection[] = [
  { path: 'reference', label: 'Reference' },
  { path: 'docs/community', label: 'Community' },
  { path: 'docs', label: 'Guides' },
  { path: 'blog', label: 'Blog' },
];

describe('query tokenizer', () => {
  it('trims punctuation around words like lunr trims indexed words', () => {
    expect(tokenize('/api/profiles/{id}')).toEqual(['api/profiles/{id']);
    expect(tokenize('#api-help')).toEqual(['api', 'help']);
    expect(tokenize('What is pagination?')).toEqual(['what', 'is', 'pagination']);
    expect(tokenize('get_profiles')).toEqual(['get_profiles']);
    expect(tokenize('  / ? ')).toEqual([]);
  });

  it('produces the terms that lunr stores for the same text', () => {
    for (const text of ['GET /api/profiles/{id}', 'Slack channel #api-help', 'page[cursor]', 'get_profiles,']) {
      const indexed = lunr.tokenizer(text).map((token) => lunr.trimmer(token)?.toString() ?? '');
      expect(tokenize(text)).toEqual(indexed.map((term) => term.toLowerCase()).filter(Boolean));
    }
  });
});

describe('section labels', () => {
  it('labels by the first matching route prefix', () => {
    expect(sectionLabel('/reference/get_profiles', '/', SECTIONS)).toBe('Reference');
    expect(sectionLabel('/reference', '/', SECTIONS)).toBe('Reference');
    expect(sectionLabel('/docs/community/code-of-conduct', '/', SECTIONS)).toBe('Community');
    expect(sectionLabel('/docs/guides/understanding-customer-data', '/', SECTIONS)).toBe('Guides');
    expect(sectionLabel('/blog/automating-sdks-from-openapi', '/', SECTIONS)).toBe('Blog');
    expect(sectionLabel('/portal/docs/sdks', '/portal/', SECTIONS)).toBe('Guides');
    expect(sectionLabel('/references', '/', SECTIONS)).toBeUndefined();
  });

  it('replaces the breadcrumb of every page document', () => {
    const indexes = [
      {
        documents: [
          { u: '/docs/guides/understanding-customer-data', b: ['Guides', 'Guides'] },
          { u: '/reference/get_profiles', b: [] },
          { u: '/elsewhere', b: ['Something'] },
        ],
        index: {},
      },
    ];
    expect(labelSections(indexes, '/', SECTIONS)).toBe(2);
    expect(indexes[0]!.documents.map((doc) => doc.b)).toEqual([['Guides'], ['Reference'], []]);
  });
});
