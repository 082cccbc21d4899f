import type { OperationInfo } from '../spec/operations';

export interface RenderedOperationContext {
  revision: string;
  operation: OperationInfo;
}

/**
 * Every operation's server-rendered Redoc markup passes through here, in Node, before it is written into
 * the page's data (cached or freshly rendered alike): the one place to post-process it, e.g. to give
 * rows ids. The browser's counterpart, run on the live Redoc container after it mounts or re-renders, is
 * `decorateRedocContainer` (theme/ApiReference/decorateRedocContainer.ts).
 */
export function decorateRenderedOperation(html: string, _context: RenderedOperationContext): string {
  return html;
}
