/**
 * Redoc gives a response-sample tab only to a response with a body, so an operation whose success has none
 * (create_event's 202) opened its response samples on an error. The samples panel then starts with a note
 * of that success instead: its status, its description, and that it returns no body. Works on any standard
 * DOM: the server-rendered markup (redoc/decorate.ts, over linkedom) and the live tree (decorateRedocContainer).
 */
import { firstMedia, isRecord, resolvePointer, resolveRef } from '../openapi';
import { plainText } from '../spec/operations';
import type { OpenApiDocument } from '../spec/types';

/** Set on the note; its value is the status. */
export const BODILESS_SUCCESS_ATTRIBUTE = 'data-bodiless-success';

export interface BodilessSuccess {
  status: string;
  description: string;
}

const SUCCESS_STATUS = /^2(?:\d\d|XX)$/i;

/** The operation's first 2xx response when no 2xx response has a body; undefined otherwise. */
export function bodilessSuccess(spec: OpenApiDocument, pointer: string): BodilessSuccess | undefined {
  const operation = resolvePointer(spec, pointer);
  if (!isRecord(operation) || !isRecord(operation.responses)) return undefined;
  const responses = operation.responses;
  const successes = Object.keys(responses)
    .filter((status) => SUCCESS_STATUS.test(status))
    .sort();
  if (successes.length === 0) return undefined;
  if (successes.some((status) => firstMedia(spec, resolveRef(spec, responses[status])))) return undefined;
  const response = resolveRef(spec, responses[successes[0]!]);
  const description = isRecord(response) && typeof response.description === 'string' ? response.description : '';
  return { status: successes[0]!, description: plainText(description) };
}

/** Puts the note first under Redoc's "Response samples" heading (once; no heading, no note). */
export function showBodilessSuccess(root: ParentNode, success: BodilessSuccess | undefined): void {
  if (!success || root.querySelector(`[${BODILESS_SUCCESS_ATTRIBUTE}]`)) return;
  const heading = Array.from(root.querySelectorAll('h3')).find(
    (element) => element.textContent?.trim() === 'Response samples',
  );
  if (!heading) return;
  const document = heading.ownerDocument;
  const note = document.createElement('p');
  note.setAttribute(BODILESS_SUCCESS_ATTRIBUTE, success.status);
  const status = document.createElement('strong');
  status.textContent = success.status;
  // Text nodes only: a description is spec text, and spec text never becomes markup here.
  note.append(status, document.createTextNode(success.description ? ` ${success.description} ` : ' '));
  const noBody = document.createElement('span');
  noBody.textContent = 'No response body.';
  note.append(noBody);
  heading.after(note);
}
