import { load } from 'js-yaml';
import { absolutizeLinks, isRecord } from './common';

export interface ProsePage {
  kind: 'doc' | 'blog';
  /** Route of the page without the site's baseUrl, e.g. `/docs/getting-started`. */
  path: string;
  title: string;
  description: string;
  /** Raw `.md` / `.mdx` source, front matter included. */
  source: string;
  /** Blog posts: publication date (YYYY-MM-DD). */
  date?: string;
}

/** Splits `---\nyaml\n---\nbody` into its parts; a source without front matter is all body. */
export function splitFrontMatter(source: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { frontMatter: {}, body: source };
  const parsed = load(match[1] ?? '');
  return { frontMatter: isRecord(parsed) ? parsed : {}, body: source.slice(match[0].length) };
}

const ADMONITION_LABELS: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  info: 'Info',
  warning: 'Warning',
  caution: 'Caution',
  danger: 'Danger',
  important: 'Important',
};

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|\\{["'\`]([^"'\`]*)["'\`]\\})`).exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** `export const x = 'a'` and template literals built from earlier constants; anything else is undefined. */
function evaluateConstant(expression: string, constants: Map<string, string>): string | undefined {
  const text = expression.trim().replace(/;$/, '').trim();
  const quoted = /^(['"])(.*)\1$/.exec(text);
  if (quoted) return quoted[2];
  const template = /^`([^`]*)`$/.exec(text);
  if (!template) return undefined;
  let unknown = false;
  const value = template[1]!.replace(/\$\{\s*([A-Za-z_$][\w$]*)\s*\}/g, (_, name: string) => {
    const known = constants.get(name);
    if (known === undefined) unknown = true;
    return known ?? '';
  });
  return unknown ? undefined : value;
}

/** Inline JSX that has a plain Markdown equivalent: links, line breaks and known `{constants}`. */
function inlineJsx(line: string, constants: Map<string, string>): string {
  return line
    .replace(
      /<a\s[^>]*?href=(?:"([^"]*)"|'([^']*)'|\{([A-Za-z_$][\w$]*)\})[^>]*>([\s\S]*?)<\/a>/g,
      (all, a, b, name, text) => {
        const href = (a as string | undefined) ?? (b as string | undefined) ?? constants.get(name as string);
        return href === undefined ? all : `[${text as string}](${href})`;
      },
    )
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/\{([A-Za-z_$][\w$]*)\}/g, (all, name: string) => constants.get(name) ?? all);
}

/**
 * MDX source flattened to plain Markdown: imports, exports and comments dropped; `<Tabs>` turned
 * into a labelled fenced block per tab; admonitions into block quotes; `{#id}` heading ids and
 * code-fence titles removed. Fenced code is copied verbatim.
 */
export function mdxToMarkdown(body: string): string {
  const constants = new Map<string, string>();
  const out: string[] = [];
  const quotes: string[] = []; // one entry per open admonition
  let fence: string | null = null;
  let skipping: 'import' | 'export' | 'comment' | 'html-comment' | null = null;
  let braceDepth = 0;

  const emit = (line: string) => out.push(`${'> '.repeat(quotes.length)}${line}`.replace(/\s+$/, ''));

  for (const line of body.split(/\r?\n/)) {
    if (fence !== null) {
      emit(line);
      const marker = /^\s*(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (skipping === 'import') {
      if (/\bfrom\s+['"][^'"]+['"];?\s*$/.test(line) || /^\s*['"][^'"]+['"];?\s*$/.test(line)) skipping = null;
      continue;
    }
    if (skipping === 'export') {
      braceDepth += (line.match(/[{[(]/g) ?? []).length - (line.match(/[}\])]/g) ?? []).length;
      if (braceDepth <= 0) skipping = null;
      continue;
    }
    if (skipping === 'comment') {
      if (line.includes('*/}')) skipping = null;
      continue;
    }
    if (skipping === 'html-comment') {
      if (line.includes('-->')) skipping = null;
      continue;
    }

    const opening = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (opening) {
      fence = opening[2]!;
      emit(`${opening[1]}${fence}${opening[3] ?? ''}`);
      continue;
    }
    if (/^import\s/.test(line)) {
      if (!/\bfrom\s+['"][^'"]+['"];?\s*$/.test(line) && !/^import\s+['"][^'"]+['"];?\s*$/.test(line))
        skipping = 'import';
      continue;
    }
    const constant = /^export\s+const\s+([A-Za-z_$][\w$]*)\s*=\s*(.*)$/.exec(line);
    if (constant) {
      const value = evaluateConstant(constant[2]!, constants);
      if (value !== undefined) {
        constants.set(constant[1]!, value);
        continue;
      }
    }
    if (/^export\s/.test(line)) {
      braceDepth = (line.match(/[{[(]/g) ?? []).length - (line.match(/[}\])]/g) ?? []).length;
      if (braceDepth > 0) skipping = 'export';
      continue;
    }
    if (/^\s*\{\/\*/.test(line)) {
      if (!line.includes('*/}')) skipping = 'comment';
      continue;
    }
    if (/^\s*<!--/.test(line)) {
      if (!line.includes('-->')) skipping = 'html-comment';
      continue;
    }
    if (/^\s*<\/?Tabs\b[^>]*>\s*$/.test(line) || /^\s*<\/TabItem>\s*$/.test(line)) {
      emit('');
      continue;
    }
    const tab = /^\s*<TabItem\b([^>]*)>\s*$/.exec(line);
    if (tab) {
      const label = attribute(tab[1]!, 'label') ?? attribute(tab[1]!, 'value') ?? 'Tab';
      emit(`**${label}**`);
      continue;
    }
    const admonition = /^\s*:::(\w+)(?:\[([^\]]*)\]|\s+(.*))?\s*$/.exec(line);
    if (admonition && ADMONITION_LABELS[admonition[1]!.toLowerCase()] !== undefined) {
      const kind = ADMONITION_LABELS[admonition[1]!.toLowerCase()]!;
      const title = (admonition[2] ?? admonition[3] ?? '').trim();
      emit('');
      quotes.push(kind);
      emit(`**${title ? `${kind}: ${title}` : kind}**`);
      emit('');
      continue;
    }
    if (/^\s*:::\s*$/.test(line) && quotes.length > 0) {
      quotes.pop();
      emit('');
      continue;
    }
    const heading = /^(#{1,6}\s.*?)\s*\{#[\w.-]+\}\s*$/.exec(line);
    emit(inlineJsx(heading ? heading[1]! : line, constants));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * MDX partials imported by relative path (`import Shared from './_partials/_shared.mdx'`) and used
 * on a line of their own (`<Shared />`), replaced by their body: the twin shows what the page shows.
 */
export function inlineMdxPartials(source: string, readPartial: (relativePath: string) => string): string {
  const partials = new Map(
    [...source.matchAll(/^import\s+(\w+)\s+from\s+["'](\.{1,2}\/[^"']+\.mdx?)["'];?\s*$/gm)].map(([, name, file]) => [
      name!,
      file!,
    ]),
  );
  if (partials.size === 0) return source;
  return source.replace(/^[ \t]*<(\w+)\s*\/>[ \t]*$/gm, (line, name: string) => {
    const file = partials.get(name);
    return file === undefined ? line : splitFrontMatter(readPartial(file)).body.trim();
  });
}

/** The Markdown twin of a doc page or blog post: a title, its description, its URL, then the body. */
export function proseMarkdown(page: ProsePage, siteUrl: string): string {
  const { body } = splitFrontMatter(page.source);
  const content = mdxToMarkdown(body);
  const hasOwnTitle = /^#\s/.test(content);
  const header = [
    ...(hasOwnTitle ? [] : [`# ${page.title}`]),
    ...(page.description ? [`> ${page.description.replace(/\s+/g, ' ').trim()}`] : []),
    `${page.date ? `Published ${page.date} · ` : ''}Source: ${siteUrl}${page.path}`,
  ];
  const markdown = hasOwnTitle
    ? content.replace(/^(#\s.*)\n/, `$1\n\n${header.join('\n\n')}\n`)
    : `${header.join('\n\n')}\n\n${content}`;
  return `${absolutizeLinks(markdown, siteUrl)}\n`;
}
