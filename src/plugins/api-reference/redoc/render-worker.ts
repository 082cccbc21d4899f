import { serveRequests } from '../worker-pool';
import { renderOperationMarkup } from './render-markup';
import type { RenderRequest } from './render';

/** A worker of render.ts's pool: renders the operations it is sent, one request each. */
serveRequests(({ spec, pointer, themeData }: RenderRequest) => renderOperationMarkup(spec, pointer, themeData));
