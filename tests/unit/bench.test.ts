import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { assetHolding, editOperationText, mainAsset, median, modulesOf, ratio } from '../../scripts/lib/bench';

const ROOT = path.join(__dirname, '../..');

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });

  it('prints ratios with two decimals and refuses a zero base', () => {
    expect(ratio(1, 3)).toBe('0.33');
    expect(ratio(5, 0)).toBe('n/a');
  });
});

describe('bundle report', () => {
  const report = [
    {
      label: 'assets/js/main.0123abcd.js',
      parsedSize: 160,
      gzipSize: 60,
      groups: [
        {
          label: 'node_modules',
          path: './node_modules',
          parsedSize: 150,
          groups: [
            { label: 'react-dom.js', path: './node_modules/react-dom/react-dom.js', parsedSize: 100, gzipSize: 40 },
            {
              label: 'a.js + 1 modules (concatenated)',
              path: './node_modules/a/a.js + 1 modules (concatenated)',
              parsedSize: 50,
              groups: [
                {
                  label: 'b.js',
                  path: './node_modules/a/a.js + 1 modules (concatenated)/node_modules/b/b.js',
                  parsedSize: 50,
                  gzipSize: 20,
                },
              ],
            },
          ],
        },
        { label: 'x.ts', path: './src/x.ts', parsedSize: 10, gzipSize: 5 },
        // A site copy whose node_modules is a symlink to another site's.
        { label: 'c.js', path: './../work/site/node_modules/c/c.js', parsedSize: 1, gzipSize: 1 },
        // The same, with the copy and the clone both in /tmp: the bundler drops the `../`.
        { label: 'd.js', path: './tmp.x/alone/node_modules/d/d.js', parsedSize: 1, gzipSize: 1 },
      ],
    },
    {
      label: 'assets/js/8400.ffff.js',
      parsedSize: 90,
      groups: [{ label: 'redoc.js', path: './node_modules/redoc/bundles/redoc.js', parsedSize: 90, gzipSize: 30 }],
    },
  ];

  it('lists the modules of an asset, largest first, each by its own path from the site folder', () => {
    expect(modulesOf(mainAsset(report))).toEqual([
      { path: './node_modules/react-dom/react-dom.js', parsedBytes: 100, gzipBytes: 40 },
      { path: './node_modules/b/b.js', parsedBytes: 50, gzipBytes: 20 },
      { path: './src/x.ts', parsedBytes: 10, gzipBytes: 5 },
      { path: './node_modules/c/c.js', parsedBytes: 1, gzipBytes: 1 },
      { path: './node_modules/d/d.js', parsedBytes: 1, gzipBytes: 1 },
    ]);
  });

  it("finds main.js and the chunk that holds Redoc's modules", () => {
    expect(mainAsset(report).label).toBe('assets/js/main.0123abcd.js');
    expect(assetHolding(report, /\/node_modules\/redoc\//)?.label).toBe('assets/js/8400.ffff.js');
    expect(assetHolding(report, /\/node_modules\/lodash\//)).toBeNull();
    expect(() => mainAsset(report.slice(1))).toThrow(/No main\.js/);
  });
});

describe('the incremental rebuild edit', () => {
  it("changes one operation's summary and description in a path item file of the project spec", () => {
    const text = readFileSync(path.join(ROOT, 'specs/2026-07-15/paths/api_profiles.yaml'), 'utf8');
    const edited = editOperationText(text, 'get_profiles', 'EDITED');
    const before = load(text) as Record<string, Record<string, unknown>>;
    const after = load(edited!) as Record<string, Record<string, unknown>>;
    expect(after.get!.summary).toBe(`${before.get!.summary} EDITED`);
    expect(after.get!.description).toBe(`${before.get!.description}\n\nEDITED`);
    // Nothing else changes.
    expect({ ...after, get: { ...after.get, summary: 0, description: 0 } }).toEqual({
      ...before,
      get: { ...before.get, summary: 0, description: 0 },
    });
  });

  it('edits a whole JSON document, keeping it JSON, and leaves files without the operation alone', () => {
    const document = { openapi: '3.1.0', paths: { '/a': { post: { operationId: 'create_a' } } } };
    const edited = JSON.parse(editOperationText(JSON.stringify(document), 'create_a', 'EDITED')!);
    expect(edited.paths['/a'].post).toEqual({
      operationId: 'create_a',
      summary: 'create_a EDITED',
      description: 'EDITED',
    });
    expect(editOperationText(JSON.stringify(document), 'get_profiles', 'EDITED')).toBeNull();
    expect(editOperationText('components: {}\n', 'get_profiles', 'EDITED')).toBeNull();
  });
});
