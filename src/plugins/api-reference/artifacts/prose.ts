/**
 * Markdown twins of the docs and blog posts: their MDX parsed with unified (remark-parse,
 * remark-mdx, remark-gfm), turned into plain Markdown on the syntax tree, and written back
 * with remark-stringify.
 */
import { load } from 'js-yaml';
import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Program } from 'estree';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { visit } from 'unist-util-visit';
import { isRecord } from '../openapi';
import { absolutizeLinks } from './common';

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

/**
 * Splits `---\nyaml\n---\nbody` into its parts, the YAML read with js-yaml; a source without front
 * matter is all body. (No front-matter syntax extension is a declared dependency, so only the
 * `---` fences are matched here.)
 */
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

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * What Docusaurus accepts in MDX beyond MDX itself (its `mdx1Compat` defaults): HTML comments and
 * `{#id}` heading ids. Found on a CommonMark parse (so fenced code is never touched) and removed.
 */
function withoutMdx1Syntax(source: string): string {
  const tree = unified().use(remarkParse).parse(source);
  const cuts: [number, number][] = [];
  visit(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) cuts.push([start, end]);
    if (node.type === 'heading') {
      const id = /[ \t]*\{#[\w.-]+\}[ \t]*$/.exec(source.slice(start, end));
      if (id) cuts.push([start + id.index, end]);
    }
  });
  return cuts
    .sort((a, b) => b[0] - a[0])
    .reduce((text, [start, end]) => text.slice(0, start) + text.slice(end), source);
}

function parseMdx(body: string): { tree: Root; source: string } {
  const source = withoutMdx1Syntax(body);
  return { tree: unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(source), source };
}

/** The source text of a node, for JSX without a Markdown equivalent (kept as it is written). */
function sourceOf(node: RootContent, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

// ---------------------------------------------------------------------------------------------
// Constants (`export const url = \`${base}/x\``) read from the ESM's syntax tree

type Constants = Map<string, string>;

function evaluate(expression: unknown, constants: Constants): string | undefined {
  if (!isRecord(expression)) return undefined;
  if (expression.type === 'Literal') return typeof expression.value === 'string' ? expression.value : undefined;
  if (expression.type === 'Identifier') return constants.get(String(expression.name));
  if (expression.type === 'TemplateLiteral') {
    const quasis = expression.quasis as { value: { cooked?: string | null } }[];
    const values = (expression.expressions as unknown[]).map((part) => evaluate(part, constants));
    if (values.some((value) => value === undefined)) return undefined;
    return quasis.map((quasi, index) => `${quasi.value.cooked ?? ''}${values[index] ?? ''}`).join('');
  }
  return undefined;
}

function collectConstants(program: Program | undefined, constants: Constants): void {
  for (const statement of program?.body ?? []) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue;
    for (const declaration of statement.declaration.declarations) {
      const value = evaluate(declaration.init, constants);
      if (declaration.id.type === 'Identifier' && value !== undefined) constants.set(declaration.id.name, value);
    }
  }
}

/** The single expression of `{...}`, or undefined for a comment (`{/* ... *\/}`) or an empty one. */
function expressionOf(node: { data?: { estree?: Program | null } }): unknown {
  const [statement] = node.data?.estree?.body ?? [];
  return statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
}

// ---------------------------------------------------------------------------------------------
// MDX nodes turned into Markdown ones

interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | null | { data?: { estree?: Program | null } };
}

function attribute(attributes: JsxAttribute[], name: string, constants: Constants): string | undefined {
  const found = attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  if (!found || found.value == null) return undefined;
  return typeof found.value === 'string' ? found.value : evaluate(expressionOf(found.value), constants);
}

function strongParagraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] };
}

/** Inline MDX: links, line breaks and known `{constants}` as Markdown; other JSX as written. */
function inlineNodes(nodes: PhrasingContent[], constants: Constants, source: string): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'mdxTextExpression') {
      const expression = expressionOf(node);
      if (expression === undefined) return [];
      const value = evaluate(expression, constants);
      return [value === undefined ? { type: 'html', value: sourceOf(node, source) } : { type: 'text', value }];
    }
    if (node.type === 'mdxJsxTextElement') {
      if (node.name === 'br') return [{ type: 'text', value: ' ' }];
      const href = node.name === 'a' ? attribute(node.attributes, 'href', constants) : undefined;
      if (href !== undefined) {
        return [{ type: 'link', url: href, children: inlineNodes(node.children, constants, source) }];
      }
      return [{ type: 'html', value: sourceOf(node, source) }];
    }
    if ('children' in node && Array.isArray(node.children)) {
      return [
        { ...node, children: inlineNodes(node.children as PhrasingContent[], constants, source) } as PhrasingContent,
      ];
    }
    return [node];
  });
}

const OPENER = /^:::(\w+)(?:\[([^\]]*)\]|[ \t]+([^\n]*))?[ \t]*(?:\n|$)/;
const CLOSER = /(?:^|\n)[ \t]*:::[ \t]*$/;

/** Removes the text matched by `pattern` from the first (or last) text child of a paragraph. */
function trimParagraph(paragraph: Paragraph, pattern: RegExp, end: 'first' | 'last'): Paragraph | undefined {
  const children = [...paragraph.children];
  const index = end === 'first' ? 0 : children.length - 1;
  const edge = children[index];
  if (edge?.type !== 'text') return paragraph;
  const value = edge.value.replace(pattern, '');
  if (value === '') children.splice(index, 1);
  else children[index] = { ...edge, value };
  return children.length > 0 ? { ...paragraph, children } : undefined;
}

function admonitionOpener(node: RootContent | undefined): { kind: string; title: string } | undefined {
  if (node?.type !== 'paragraph' || node.children[0]?.type !== 'text') return undefined;
  const match = OPENER.exec(node.children[0].value);
  const kind = match && ADMONITION_LABELS[match[1]!.toLowerCase()];
  return kind ? { kind, title: (match[2] ?? match[3] ?? '').trim() } : undefined;
}

function closes(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const last = node.children[node.children.length - 1];
  return last?.type === 'text' && CLOSER.test(last.value);
}

/**
 * `:::tip Title` … `:::` (paragraph text, since Docusaurus's directive syntax is not parsed here)
 * as a block quote opening with the bold label.
 */
function quoteAdmonitions(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const opener = admonitionOpener(nodes[index]);
    const end = opener ? nodes.findIndex((node, at) => at >= index && closes(node)) : -1;
    if (!opener || end < 0) {
      out.push(nodes[index]!);
      continue;
    }
    const inner = nodes.slice(index, end + 1);
    const first = trimParagraph(inner[0] as Paragraph, OPENER, 'first');
    const body: RootContent[] = [...(first ? [first] : []), ...inner.slice(1)];
    const lastIndex = body.length - 1;
    if (lastIndex >= 0 && (body[lastIndex] === first || closes(body[lastIndex]!))) {
      const last = trimParagraph(body[lastIndex] as Paragraph, CLOSER, 'last');
      if (last) body[lastIndex] = last;
      else body.pop();
    }
    const label = opener.title ? `${opener.kind}: ${opener.title}` : opener.kind;
    out.push({ type: 'blockquote', children: [strongParagraph(label), ...(body as BlockContent[])] });
    index = end;
  }
  return out;
}

function blockNodes(nodes: RootContent[], constants: Constants, source: string): RootContent[] {
  const converted = nodes.flatMap((node): RootContent[] => {
    switch (node.type) {
      case 'mdxjsEsm':
        collectConstants(node.data?.estree ?? undefined, constants);
        return [];
      case 'mdxFlowExpression': {
        const expression = expressionOf(node);
        if (expression === undefined) return [];
        const value = evaluate(expression, constants);
        return [
          value === undefined
            ? { type: 'html', value: sourceOf(node, source) }
            : { type: 'paragraph', children: [{ type: 'text', value }] },
        ];
      }
      case 'mdxJsxFlowElement':
        if (node.name === 'Tabs') return blockNodes(node.children, constants, source);
        if (node.name === 'TabItem') {
          const label =
            attribute(node.attributes, 'label', constants) ?? attribute(node.attributes, 'value', constants) ?? 'Tab';
          return [strongParagraph(label), ...blockNodes(node.children, constants, source)];
        }
        return [{ type: 'html', value: sourceOf(node, source) }];
      case 'code':
        return [{ ...node, meta: null }];
      case 'paragraph': {
        const children = inlineNodes(node.children, constants, source);
        return children.length > 0 ? [{ ...node, children }] : [];
      }
      case 'heading':
        return [{ ...node, children: inlineNodes(node.children, constants, source) }];
      default:
        if ('children' in node && Array.isArray(node.children)) {
          return [{ ...node, children: blockNodes(node.children as RootContent[], constants, source) } as RootContent];
        }
        return [node];
    }
  });
  return quoteAdmonitions(converted);
}

/**
 * MDX source flattened to plain Markdown: imports, exports and comments dropped; `<Tabs>` turned
 * into a bold label per tab followed by its content; admonitions into block quotes; `{#id}`
 * heading ids and code-fence titles removed; `export const` strings and `<a href>` resolved.
 * Fenced code keeps its content.
 */
export function mdxToMarkdown(body: string): string {
  const { tree, source } = parseMdx(body);
  const root: Root = { type: 'root', children: blockNodes(tree.children, new Map(), source) };
  return unified()
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '_',
      fences: true,
      listItemIndent: 'one',
      resourceLink: true,
      rule: '-',
    })
    .use(remarkGfm)
    .stringify(root)
    .trim();
}

/** A partial's body without its `import`s, which the page may repeat (the twin drops them anyway). */
function withoutImports(body: string): string {
  const { tree, source } = parseMdx(body);
  return tree.children
    .filter(
      (node) =>
        node.type === 'mdxjsEsm' &&
        (node.data?.estree?.body ?? []).every((statement) => statement.type === 'ImportDeclaration'),
    )
    .map((node) => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] as const)
    .reverse()
    .reduce((text, [start, end]) => text.slice(0, start) + text.slice(end), source);
}

/**
 * MDX partials imported by relative path (`import Shared from './_partials/_shared.mdx'`) and used
 * as an element of their own (`<Shared />`), replaced by their body: the twin shows what the page shows.
 */
export function inlineMdxPartials(source: string, readPartial: (relativePath: string) => string): string {
  const { body } = splitFrontMatter(source);
  const head = source.slice(0, source.length - body.length);
  const { tree, source: text } = parseMdx(body);
  const partials = new Map<string, string>();
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    for (const statement of node.data?.estree?.body ?? []) {
      const file = statement.type === 'ImportDeclaration' ? String(statement.source.value) : '';
      const [specifier] = statement.type === 'ImportDeclaration' ? statement.specifiers : [];
      if (/^\.{1,2}\/.+\.mdx?$/.test(file) && specifier?.type === 'ImportDefaultSpecifier') {
        partials.set(specifier.local.name, file);
      }
    }
  }
  if (partials.size === 0) return source;
  const replacements: [number, number, string][] = [];
  visit(tree, 'mdxJsxFlowElement', (node) => {
    const file = node.name ? partials.get(node.name) : undefined;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (file === undefined || start === undefined || end === undefined || node.children.length > 0) return;
    replacements.push([start, end, withoutImports(splitFrontMatter(readPartial(file)).body).trim()]);
  });
  const replaced = replacements
    .sort((a, b) => b[0] - a[0])
    .reduce((result, [start, end, partial]) => result.slice(0, start) + partial + result.slice(end), text);
  return head + replaced;
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
