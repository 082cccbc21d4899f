import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { renderOperationMarkup } from './render-markup';
import type { RenderRequest, RenderResponse } from './render-pool';

/** A render-pool worker: renders the operations it is sent, one message each. */
parentPort?.on('message', ({ id, spec, pointer, themeData }: RenderRequest) => {
  let response: RenderResponse;
  try {
    const rendered = renderOperationMarkup(spec, pointer, themeData);
    response = { id, rendered, heapBytes: getHeapStatistics().used_heap_size };
  } catch (error) {
    response = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(response);
});
