import type { OperationInfo } from '../spec/operations';
import type { OperationField } from '../field-anchors/ids';
import { decorateRenderedOperationHtml } from '../field-anchors/html';

export interface RenderedOperationContext {
  revision: string;
  operation: OperationInfo;
  /** The operation's fields (field-anchors/ids.ts), whose rows get their anchor ids. */
  fields: readonly OperationField[];
  /** The page's absolute URL, for the fields' copy-link buttons. */
  pageUrl: string;
}

/**
 * Every operation's server-rendered Redoc markup passes through here, in Node, before it is written into
 * the page's data (cached or freshly rendered alike), so the ids of its field rows and their copy-link
 * buttons are in the HTML before any script runs. The live tree that replaces the markup on the first
 * interaction is decorated again in the browser by the same decorator (useFieldAnchors).
 */
export function decorateRenderedOperation(html: string, context: RenderedOperationContext): string {
  return decorateRenderedOperationHtml(html, context.fields, { pageUrl: context.pageUrl, copyButtons: true });
}
