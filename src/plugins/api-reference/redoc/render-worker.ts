import { serveRequests } from '../worker-pool';
import { renderOperationMarkup } from './render-markup';
import { decorate, type RenderRequest, type RenderResult } from './render';

/** A worker of render.ts's pool: renders and decorates the operations it is sent, one request each. */
serveRequests((request: RenderRequest): RenderResult => {
  const rendered = renderOperationMarkup(request.spec, request.pointer, request.themeData);
  return { rendered, decorated: decorate(rendered, request) };
});
