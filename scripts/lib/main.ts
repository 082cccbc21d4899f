import { realpathSync } from 'node:fs';
import path from 'node:path';

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * True when the script at `filename` (pass the module's `__filename`) is the one Node was started
 * with (`npx tsx scripts/x.ts`, `node --import tsx scripts/x.ts`), false when it is imported by
 * another script or a test. `__filename` rather than `import.meta.url`: Playwright compiles the
 * scripts it imports to CommonJS, where `import.meta` is a syntax error.
 */
export function isMain(filename: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && real(entry) === real(filename);
}
