import { bodilessSuccess, showBodilessSuccess } from '../../redoc/bodiless-success';
import type { OpenApiDocument } from '../../spec/types';

/**
 * Runs on the live Redoc container after Redoc mounts and after each of its re-renders (a row expanded,
 * the colour mode switched...): the browser's counterpart of `decorateRenderedOperation` (redoc/decorate.ts),
 * which post-processes the server-rendered markup. Re-apply here what that hook adds to the markup (the field
 * anchors have their own hook, useFieldAnchors). Mutations made here do not call it again.
 */
export function decorateRedocContainer(
  container: HTMLElement,
  { spec, pointer }: { spec: OpenApiDocument; pointer: string },
): void {
  showBodilessSuccess(container, bodilessSuccess(spec, pointer));
}
