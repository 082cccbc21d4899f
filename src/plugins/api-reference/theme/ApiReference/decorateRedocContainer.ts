/**
 * Runs on the live Redoc container after Redoc mounts and after each of its re-renders (a row expanded,
 * the colour mode switched...): the browser's counterpart of `decorateRenderedOperation` (redoc/decorate.ts),
 * which post-processes the server-rendered markup. Re-apply here what that hook adds to the markup.
 * Mutations made here do not call it again.
 */
export function decorateRedocContainer(_container: HTMLElement, _context: { pointer: string }): void {}
