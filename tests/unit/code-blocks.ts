import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers';

export interface CodeBlock {
  /** Path relative to the project, e.g. `docs/sdks.mdx`. */
  file: string;
  /** Line of the opening fence. */
  line: number;
  language: string;
  /** What follows the language on the opening fence, e.g. `title="a.py"`. */
  meta: string;
  code: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every fenced code block of `languages` in the Markdown and MDX files under `dirs` (partials included). */
export function codeBlocks(languages: string[], dirs = ['docs', 'blog']): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const file of dirs.flatMap((dir) => markdownFiles(path.join(ROOT, dir))).sort()) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const opening = /^\s*(`{3,})([\w+-]*)\s*(.*)$/.exec(lines[i]!);
      if (!opening) continue;
      const end = lines.findIndex((line, j) => j > i && line.trim() === opening[1]);
      if (end < 0) break;
      if (languages.includes(opening[2]!)) {
        blocks.push({
          file: path.relative(ROOT, file),
          line: i + 1,
          language: opening[2]!,
          meta: opening[3]!,
          code: lines.slice(i + 1, end).join('\n'),
        });
      }
      i = end;
    }
  }
  return blocks;
}

/** A block's visible opt-out, `no-check="reason"` on its fence; undefined when it has none. */
export function optOutReason(block: CodeBlock): string | undefined {
  return /\bno-check="([^"]*)"/.exec(block.meta)?.[1];
}
