import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

interface LockPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

/**
 * `npm ci` refuses a lock that names an optional platform package (`@swc/html-darwin-arm64`…)
 * without an entry of its own: the registry these machines reach serves only some releases' builds
 * for other platforms, and an `npm install` here silently writes such a lock.
 */
export function missingOptionalEntries(packages: Record<string, LockPackage>): string[] {
  const missing: string[] = [];
  for (const [location, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      // Node's resolution: the package's own node_modules, then each ancestor's, then the root's.
      const candidates: string[] = [];
      let base = location;
      for (;;) {
        candidates.push(`${base ? `${base}/` : ''}node_modules/${name}`);
        if (!base) break;
        const cut = base.lastIndexOf('node_modules/');
        base = cut <= 0 ? '' : base.slice(0, cut - 1);
      }
      if (!candidates.some((candidate) => candidate in packages)) missing.push(`${location || '(root)'} → ${name}`);
    }
  }
  return missing;
}

describe('package-lock.json', () => {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>;
  };

  it('has an entry for every optional platform package, so `npm ci` accepts it', () => {
    expect(missingOptionalEntries(lock.packages)).toEqual([]);
  });

  it('reports a lock whose platform builds were dropped', () => {
    const broken = {
      '': {},
      'node_modules/@swc/html': { version: '1.16.21', optionalDependencies: { '@swc/html-darwin-arm64': '1.16.21' } },
    };
    expect(missingOptionalEntries(broken)).toEqual(['node_modules/@swc/html → @swc/html-darwin-arm64']);
  });

  it('pins @swc/html to a release whose every platform build the registry serves', () => {
    const versions = Object.entries(lock.packages)
      .filter(([location]) => location.endsWith('node_modules/@swc/html'))
      .map(([, entry]) => entry.version);
    const pinned = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { overrides: Record<string, string> }
    ).overrides['@swc/html'];
    expect(versions).toEqual([pinned]);
  });
});
