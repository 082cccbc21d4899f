/**
 * Gives Redoc's parameter and property rows their field anchor ids (see ids.ts) and a copy-link button.
 * Works on any standard DOM: the live page in the browser, or a parsed server-rendered operation in Node
 * (html.ts). It reads only the nesting of Redoc's markup, never its styled-components class names:
 *
 *   <h5>query Parameters</h5><table><tr><td kind="field" title="page[size]">…          → param-page-size
 *   <h5>Request Body schema…</h5><table><tr><td kind="field" title="data">…            → request-data
 *     <tr><td colspan="2">…<table><tr><td kind="field" title="attributes">…            → request-data-attributes
 *   <button aria-expanded><strong>200</strong>…</button><div><h5>Response Schema…</h5><table>… → response-200-…
 *
 * A nested table sits in the row after its parent's row (`<tr><td colspan>`), whatever Redoc puts around it
 * (array brackets, one-of switches). A row is given an id only if the scheme lists it for this operation.
 */
import { fieldAnchorId, type FieldLocation, type OperationField } from './ids';
import { COPY_LINK_CLASS, COPY_LINK_STATUS_CLASS, LINK_ICON_PATH } from '../../../theme/Heading/copyLink';

/** Set on every row that carries a field anchor; its value is the id. */
export const FIELD_ANCHOR_ATTRIBUTE = 'data-field-anchor';
/** Marks the copy buttons this module adds (the heading buttons are React's); its value is the field id. */
export const FIELD_COPY_ATTRIBUTE = 'data-field-copy';

export interface DecorateOptions {
  /** Add a copy-link button to each anchored row (default true). */
  copyButtons?: boolean;
  /** Absolute URL of the page, without hash: the buttons carry `{pageUrl}#{id}` in `data-copy-link`. */
  pageUrl?: string;
}

type Section = { kind: 'parameter' } | { kind: 'request' } | { kind: 'response'; status: string };

const FIELD_CELL = 'td[kind]';

/** The row after an expanded field's row: one wide cell (`colspan`) holding the nested table. */
function isNestedHolderRow(row: Element | null): boolean {
  return row?.tagName === 'TR' && row.children.length === 1 && !row.firstElementChild!.hasAttribute('kind');
}

/** The section a top-level table belongs to, from the headings and response buttons before it. */
function sectionOf(table: Element, root: ParentNode): Section | undefined {
  // Response headers: a table with a caption, not a schema.
  if (table.querySelector(':scope > caption')) return undefined;
  let kind: Section['kind'] | undefined;
  for (let element: Element | null = table; element && element !== root; element = element.parentElement) {
    for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (kind === undefined && sibling.tagName === 'H5') {
        const heading = (sibling.textContent ?? '').trim();
        if (/parameters$/i.test(heading)) return { kind: 'parameter' };
        if (/^request body/i.test(heading)) return { kind: 'request' };
        if (/^response schema/i.test(heading)) kind = 'response';
        else return undefined;
        break;
      }
      // Past the "Responses" heading without a schema heading: not a field table.
      if (kind === undefined && sibling.tagName === 'H3') return undefined;
      if (kind === 'response' && sibling.tagName === 'BUTTON') {
        const status = sibling.querySelector('strong')?.textContent?.trim();
        return status ? { kind: 'response', status } : undefined;
      }
    }
  }
  return undefined;
}

/** Where the field of a Redoc row (`<tr>` holding a `<td kind>`) sits, from the rows that hold it. */
export function rowLocation(row: Element, root: ParentNode): FieldLocation | undefined {
  const names: string[] = [];
  let current: Element | null = row;
  for (;;) {
    const name = current?.querySelector(`:scope > ${FIELD_CELL}`)?.getAttribute('title');
    if (!current || name == null) return undefined;
    names.unshift(name);
    const table: Element | null = current.closest('table');
    // Field cells never hold tables, so the cell around a properties table is its parent's holder row.
    const holder: Element | null = table?.parentElement?.closest('td')?.parentElement ?? null;
    if (!table) return undefined;
    if (!holder || !(root as Node).contains(holder)) {
      const section = sectionOf(table, root);
      if (!section) return undefined;
      if (section.kind === 'parameter') return names.length === 1 ? { kind: 'parameter', name: names[0]! } : undefined;
      return section.kind === 'request'
        ? { kind: 'request', path: names }
        : { kind: 'response', status: section.status, path: names };
    }
    current = holder.previousElementSibling;
  }
}

/** Redoc's rows of fields under `root`, in document order. */
export function fieldRows(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll(FIELD_CELL))
    .map((cell) => cell.parentElement!)
    .filter((row) => row.tagName === 'TR');
}

/** The rendered row of `id` under `root`, if any. */
export function findFieldRow(root: ParentNode, id: string): Element | undefined {
  return fieldRows(root).find((row) => row.getAttribute(FIELD_ANCHOR_ATTRIBUTE) === id);
}

/** Whether the row's nested fields are shown (the next row holds its table). */
export function isExpanded(row: Element): boolean {
  return isNestedHolderRow(row.nextElementSibling);
}

/** The toggle Redoc renders around an expandable property's name. */
export function rowToggle(row: Element): HTMLElement | undefined {
  return (row.querySelector(`:scope > ${FIELD_CELL} > button`) as HTMLElement | null) ?? undefined;
}

function accessibleLabel(field: OperationField): string {
  switch (field.location.kind) {
    case 'parameter':
      return `parameter ${field.label}`;
    case 'request':
      return `request body field ${field.label}`;
    case 'response':
      return `${field.location.status} response field ${field.label}`;
  }
}

function copyButton(document: Document, field: OperationField, pageUrl: string | undefined): Element {
  const button = document.createElement('button');
  button.setAttribute('type', 'button');
  button.setAttribute('class', COPY_LINK_CLASS);
  button.setAttribute(FIELD_COPY_ATTRIBUTE, field.id);
  button.setAttribute('aria-label', `Copy link to ${accessibleLabel(field)}`);
  if (pageUrl) {
    const link = `${pageUrl}#${field.id}`;
    button.setAttribute('title', `Copy link: ${link}`);
    button.setAttribute('data-copy-link', link);
  }
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [name, value] of Object.entries({
    viewBox: '0 0 24 24',
    width: '16',
    height: '16',
    'aria-hidden': 'true',
    focusable: 'false',
  })) {
    svg.setAttribute(name, value);
  }
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', LINK_ICON_PATH);
  svg.appendChild(path);
  const status = document.createElement('span');
  status.setAttribute('class', COPY_LINK_STATUS_CLASS);
  status.setAttribute('role', 'status');
  button.append(svg, status);
  return button;
}

/**
 * Sets the field anchor id (and `class="anchor"`, for the navbar's scroll margin) on every rendered row of a
 * field of `fields`, and adds its copy-link button. Idempotent: run it again after each re-render. The first row
 * of an id wins, so ids stay unique. Returns the number of anchored rows.
 */
export function decorateFieldAnchors(
  root: ParentNode,
  fields: readonly OperationField[],
  options: DecorateOptions = {},
): number {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const document = (root as Node).ownerDocument ?? (root as Document);
  const used = new Set<string>();
  for (const row of fieldRows(root)) {
    const location = rowLocation(row, root);
    const id = location && fieldAnchorId(location);
    const field = id === undefined ? undefined : byId.get(id);
    if (!field || used.has(field.id)) {
      if (row.hasAttribute(FIELD_ANCHOR_ATTRIBUTE)) {
        row.removeAttribute('id');
        row.removeAttribute(FIELD_ANCHOR_ATTRIBUTE);
        row.querySelector(`:scope > ${FIELD_CELL} > [${FIELD_COPY_ATTRIBUTE}]`)?.remove();
      }
      continue;
    }
    used.add(field.id);
    if (row.getAttribute('id') !== field.id) row.setAttribute('id', field.id);
    if (row.getAttribute(FIELD_ANCHOR_ATTRIBUTE) !== field.id) row.setAttribute(FIELD_ANCHOR_ATTRIBUTE, field.id);
    if (!row.classList.contains('anchor')) row.classList.add('anchor');
    if (options.copyButtons === false) continue;
    const cell = row.querySelector(`:scope > ${FIELD_CELL}`)!;
    const existing = cell.querySelector(`:scope > [${FIELD_COPY_ATTRIBUTE}]`);
    if (existing?.getAttribute(FIELD_COPY_ATTRIBUTE) === field.id) continue;
    existing?.remove();
    const name = cell.querySelector(':scope > button, :scope > .property-name');
    const button = copyButton(document, field, options.pageUrl);
    if (name) name.after(button);
    else cell.appendChild(button);
  }
  return used.size;
}
