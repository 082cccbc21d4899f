import fs from 'node:fs';

/**
 * Writes `file` whole or not at all (a temporary file, then a rename): a build killed half-way never leaves
 * a truncated cache entry, and a concurrent build never reads half a file.
 */
export function writeFileAtomically(file: string, content: string | NodeJS.ArrayBufferView): void {
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, content);
  fs.renameSync(partial, file);
}
