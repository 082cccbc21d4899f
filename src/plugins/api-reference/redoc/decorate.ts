import type { OpenApiDocument } from '../spec/types';
import type { OperationField } from '../field-anchors/ids';
import { decorateFieldAnchors } from '../field-anchors/decorate';
import { editHtmlFragment } from '../field-anchors/html';
import { bodilessSuccess, showBodilessSuccess } from './bodiless-success';

export interface RenderedOperationContext {
  /** The operation's fields (field-anchors/ids.ts), whose rows get their anchor ids. */
  fields: readonly OperationField[];
  /** The page's absolute URL, for the fields' copy-link buttons. */
  pageUrl: string;
}

/**
 * Every operation's server-rendered Redoc markup passes through here, in Node, before it is written into
 * the page's data (cached or freshly rendered alike), so what it adds is in the HTML before any script runs:
 * the ids of its field rows and their copy-link buttons, and the note of a success without a body. The live
 * tree that replaces the markup on the first interaction is decorated again in the browser by the same
 * decorators (useFieldAnchors, decorateRedocContainer).
 */
export function decorateRenderedOperation(
  html: string,
  { spec, pointer, context }: { spec: OpenApiDocument; pointer: string; context: RenderedOperationContext },
): string {
  return editHtmlFragment(html, (root) => {
    decorateFieldAnchors(root, context.fields, { pageUrl: context.pageUrl, copyButtons: true });
    showBodilessSuccess(root, bodilessSuccess(spec, pointer));
  });
}
