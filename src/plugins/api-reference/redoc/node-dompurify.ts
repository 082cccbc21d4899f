import path from 'node:path';
import Module, { createRequire } from 'node:module';

/**
 * Redoc's `untrustedSpec` sanitizes every Markdown block with `dompurify`, which needs a DOM: in Node it
 * has none, and Redoc's `sanitize` would throw. Before anything loads Redoc, Redoc's `require('dompurify')`
 * is pointed at isomorphic-dompurify (DOMPurify over a jsdom window) through Node's module cache. Import
 * this module before `redoc`.
 */
const nodeRequire = createRequire(__filename);
const purify = nodeRequire('isomorphic-dompurify') as { sanitize?: unknown };
if (typeof purify.sanitize !== 'function') {
  throw new Error('api-reference: isomorphic-dompurify has no sanitize(): Redoc cannot sanitize spec text in Node');
}
const redocRequire = createRequire(nodeRequire.resolve('redoc/package.json'));
const dompurifyPath = redocRequire.resolve('dompurify');
const cached = new Module(dompurifyPath);
cached.filename = dompurifyPath;
cached.paths = [path.dirname(dompurifyPath)];
cached.exports = purify;
cached.loaded = true;
nodeRequire.cache[dompurifyPath] = cached;
