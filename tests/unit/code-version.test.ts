import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion, packageVersion } from '../../src/lib/code-version';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'code-version-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('packageVersion', () => {
  it("reads a package's version even when its exports hide package.json", () => {
    expect(() => require.resolve('@resvg/resvg-wasm/package.json')).toThrow(/not defined by "exports"/);
    const manifest = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../node_modules/@resvg/resvg-wasm/package.json'), 'utf8'),
    ) as { version: string };
    expect(packageVersion('@resvg/resvg-wasm')).toBe(manifest.version);
  });

  it('fails for a package that is not installed', () => {
    expect(() => packageVersion('no-such-package-in-this-tree')).toThrow();
  });
});

describe('codeVersion', () => {
  const file = path.join(scratch, 'source.ts');

  it('stays the same for the same inputs and changes with any of them', () => {
    fs.writeFileSync(file, 'export const a = 1;\n');
    const base = codeVersion(['redoc'], [file], ['logo']);
    expect(codeVersion(['redoc'], [file], ['logo'])).toBe(base);

    expect(codeVersion(['redoc', 'linkedom'], [file], ['logo'])).not.toBe(base);
    expect(codeVersion(['redoc'], [file], ['other logo'])).not.toBe(base);
    fs.writeFileSync(file, 'export const a = 2;\n');
    expect(codeVersion(['redoc'], [file], ['logo'])).not.toBe(base);
  });

  it('tells apart the same bytes split differently between inputs', () => {
    expect(codeVersion([], [], ['ab', 'c'])).not.toBe(codeVersion([], [], ['a', 'bc']));
    expect(codeVersion([], [], [Buffer.from('ab')])).toBe(codeVersion([], [], ['ab']));
  });
});
