/**
 * Field anchors in server-rendered markup: the same decorator as the browser's, over a linkedom DOM, so an
 * operation's HTML carries its field ids (and copy buttons) before any script runs.
 */
import { parseHTML } from 'linkedom';
import { decorateFieldAnchors, type DecorateOptions } from './decorate';
import type { OperationField } from './ids';

/** `html` (the markup of one operation, as Redoc renders it) with its field rows anchored. */
export function decorateRenderedOperationHtml(
  html: string,
  fields: readonly OperationField[],
  options: DecorateOptions = {},
): string {
  const { document } = parseHTML(`<!doctype html><html><body><div data-field-anchors-root>${html}</div></body></html>`);
  const root = document.querySelector('[data-field-anchors-root]')!;
  decorateFieldAnchors(root, fields, options);
  return root.innerHTML;
}
