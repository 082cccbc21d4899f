import { describe, expect, it } from 'vitest';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { isSafeUrl, sanitizeMarkdown, sanitizeSpecText } from '../../../src/plugins/api-reference/spec/sanitize';
import { HARMLESS_MARKDOWN, XSS_PAYLOADS } from '../../fixtures/hostile-spec';

function linkUrls(text: string): string[] {
  const urls: string[] = [];
  visit(unified().use(remarkParse).use(remarkGfm).parse(text) as Root, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
  });
  return urls;
}

describe('sanitizeMarkdown', () => {
  it('leaves https links, code spans and tables byte for byte', () => {
    expect(sanitizeMarkdown(HARMLESS_MARKDOWN)).toBe(HARMLESS_MARKDOWN);
  });

  it.each([
    ['inline link', '[x](javascript:alert(1))'],
    ['mixed case', '[x](JaVaScRiPt:alert(1))'],
    ['entity-encoded scheme', '[x](&#106;avascript&#58;alert(1))'],
    ['reference-style', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['image', '![x](javascript:alert(1))'],
    ['data URL', '[x](data:text/html,<script>alert(1)</script>)'],
    ['vbscript', '[x](vbscript:msgbox(1))'],
  ])('removes the URL of a %s and keeps its text', (_, text) => {
    const clean = sanitizeMarkdown(text);
    expect(linkUrls(clean).filter((url) => !isSafeUrl(url))).toEqual([]);
    expect(clean).toContain('x');
    expect(clean).not.toMatch(/javascript|vbscript|data:/i);
  });

  it('settles every payload of the corpus: sanitizing again changes nothing, and no unsafe URL is left', () => {
    const corpus = XSS_PAYLOADS.map((payload) => `Before ${payload} after.`).join('\n\n');
    const once = sanitizeMarkdown(corpus);
    expect(sanitizeMarkdown(once)).toBe(once);
    expect(linkUrls(once).filter((url) => !isSafeUrl(url))).toEqual([]);
    expect(once).not.toMatch(/<script|onerror=|onload=|srcdoc|formaction/i);
  });
});

describe('isSafeUrl', () => {
  it('reads the scheme as a browser does', () => {
    for (const url of ['https://example.com', 'http://example.com/a', 'mailto:a@example.com', '/docs', '#x', 'page'])
      expect(isSafeUrl(url), url).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      ' \u0001JAVASCRIPT:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
    ])
      expect(isSafeUrl(url), url).toBe(false);
  });
});

describe('sanitizeSpecText', () => {
  it('cleans descriptions at any depth and link-valued fields, and leaves examples and enums as data', () => {
    const spec = {
      info: { description: '[x](javascript:alert(1))' },
      externalDocs: { url: 'javascript:alert(1)' },
      components: {
        schemas: {
          A: {
            properties: { b: { description: '<img src=x onerror=alert(1)>text', enum: ['[x](javascript:alert(1))'] } },
            example: { b: '<script>alert(1)</script>' },
          },
        },
      },
    };
    const clean = sanitizeSpecText(spec);
    expect(clean.info.description).toBe('[x](#)');
    expect(clean.externalDocs.url).toBe('#');
    expect(clean.components.schemas.A.properties.b.description).toBe('text');
    expect(clean.components.schemas.A.properties.b.enum).toEqual(['[x](javascript:alert(1))']);
    expect(clean.components.schemas.A.example).toEqual({ b: '<script>alert(1)</script>' });
  });
});
