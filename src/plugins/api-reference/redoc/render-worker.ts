import { parentPort } from 'node:worker_threads';
import { renderOperationMarkup } from './render-markup';
import type { RenderRequest, RenderResponse } from './render-pool';

/** A render-pool worker: renders the operations it is sent, one message each. */
parentPort?.on('message', ({ id, spec, pointer, themeData }: RenderRequest) => {
  let response: RenderResponse;
  try {
    response = { id, rendered: renderOperationMarkup(spec, pointer, themeData) };
  } catch (error) {
    response = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(response);
});
