/**
 * The version part of the build caches' keys (Redoc markup, its decorations, operation cards, parsed search
 * pages): what a cached result depends on besides its own input.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const nodeRequire = createRequire(__filename);

/** An installed package's version, also for packages whose `exports` hide their package.json. */
export function packageVersion(name: string): string {
  for (let dir = path.dirname(nodeRequire.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
    if (manifest.name === name) return manifest.version;
  }
  throw new Error(`No package.json found for ${name}`);
}

/** A hash of the packages' installed versions, the files' contents and any further inputs, in order. */
export function codeVersion(
  packages: readonly string[],
  files: readonly string[],
  extra: readonly (string | Uint8Array)[] = [],
): string {
  const hash = createHash('sha256');
  for (const name of packages) hash.update(`${name}@${packageVersion(name)}\n`);
  for (const piece of [...files.map((file) => fs.readFileSync(file)), ...extra]) {
    // Length-prefixed, so that moving bytes from one piece to the next changes the hash.
    hash.update(`${Buffer.byteLength(piece)}\n`).update(piece);
  }
  return hash.digest('hex');
}
