/**
 * Field anchors in server-rendered markup: the same decorator as the browser's, over a linkedom DOM, so an
 * operation's HTML carries its field ids (and copy buttons) before any script runs.
 */
import { parseHTML } from 'linkedom';
import { decorateFieldAnchors, type DecorateOptions } from './decorate';
import type { OperationField } from './ids';

/** `html` (a fragment, such as one operation's Redoc markup) after `edit` has changed it as a DOM. */
export function editHtmlFragment(html: string, edit: (root: Element) => void): string {
  const { document } = parseHTML(`<!doctype html><html><body><div data-fragment-root>${html}</div></body></html>`);
  const root = document.querySelector('[data-fragment-root]')!;
  edit(root);
  return root.innerHTML;
}

/** `html` (the markup of one operation, as Redoc renders it) with its field rows anchored. */
export function decorateRenderedOperationHtml(
  html: string,
  fields: readonly OperationField[],
  options: DecorateOptions = {},
): string {
  return editHtmlFragment(html, (root) => decorateFieldAnchors(root, fields, options));
}
