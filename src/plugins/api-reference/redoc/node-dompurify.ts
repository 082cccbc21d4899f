import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { RecentResults } from '../../../lib/recent-results';

/**
 * Redoc's `untrustedSpec` sanitizes every Markdown block with `dompurify`, which needs a DOM: in Node it
 * has none, and Redoc's `sanitize` would throw. Before anything loads Redoc, Redoc's `require('dompurify')`
 * is pointed at isomorphic-dompurify (DOMPurify over a jsdom window) through Node's module cache. Import
 * this module before `redoc`.
 *
 * Each call parses its input into a new jsdom document, a quarter of a render's time, and the same
 * descriptions (shared schemas, common parameters) come back in every operation and in both colour modes:
 * Redoc's calls (one argument, no configuration, and nothing here adds hooks) are answered from the recent
 * results, which are the same for the same input.
 */
const nodeRequire = createRequire(__filename);
const purify = nodeRequire('isomorphic-dompurify') as { sanitize?: unknown };
if (typeof purify.sanitize !== 'function') {
  throw new Error('api-reference: isomorphic-dompurify has no sanitize(): Redoc cannot sanitize spec text in Node');
}
const sanitize = purify.sanitize as (dirty: string, ...rest: unknown[]) => string;
const recentlySanitized = new RecentResults<string>(2000);

export function sanitizeRemembered(dirty: string, ...rest: unknown[]): string {
  if (rest.length > 0 || typeof dirty !== 'string') return sanitize(dirty, ...rest);
  return recentlySanitized.get(dirty, () => sanitize(dirty));
}
const redocRequire = createRequire(nodeRequire.resolve('redoc/package.json'));
const dompurifyPath = redocRequire.resolve('dompurify');
const cached = new Module(dompurifyPath);
cached.filename = dompurifyPath;
cached.paths = [path.dirname(dompurifyPath)];
// Everything but sanitize is read from DOMPurify itself.
cached.exports = Object.create(purify, { sanitize: { value: sanitizeRemembered } });
cached.loaded = true;
nodeRequire.cache[dompurifyPath] = cached;
