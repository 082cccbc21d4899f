// A success response without a body (create_event's 202) gets a note first in the response samples, since
// Redoc makes sample tabs only for bodies: checked on Redoc's real server-rendered markup of the project spec.
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceModel, type ReferenceModel } from '../../../src/plugins/api-reference/spec';
import { buildOperationSpec } from '../../../src/plugins/api-reference/spec/mini-spec';
import { renderOperationMarkup } from '../../../src/plugins/api-reference/redoc/render-markup';
import { loadRedocThemeData } from '../../../src/plugins/api-reference/redoc/theme-data';
import type { RedocThemeData } from '../../../src/plugins/api-reference/redoc/options';
import { decorateRenderedOperation } from '../../../src/plugins/api-reference/redoc/decorate';
import {
  BODILESS_SUCCESS_ATTRIBUTE,
  bodilessSuccess,
  showBodilessSuccess,
} from '../../../src/plugins/api-reference/redoc/bodiless-success';
import type { OpenApiDocument } from '../../../src/plugins/api-reference/spec/types';

const ROOT = path.resolve(__dirname, '../../..');

let model: ReferenceModel;
let themeData: RedocThemeData;
beforeAll(async () => {
  model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  const { default: config } = await import('../../../docusaurus.config');
  themeData = await loadRedocThemeData(config);
});

function operationPage(operationId: string): { spec: OpenApiDocument; pointer: string } {
  const revision = model.revisions.find((candidate) => candidate.isLatest)!;
  const operation = revision.operations.find((candidate) => candidate.operationId === operationId)!;
  return { spec: buildOperationSpec(revision.spec, operation), pointer: operation.pointer };
}

/** The operation's markup as the build writes it: rendered by Redoc, then decorated. */
function decoratedMarkup(operationId: string): Document {
  const { spec, pointer } = operationPage(operationId);
  const html = decorateRenderedOperation(renderOperationMarkup(spec, pointer, themeData).html, {
    spec,
    pointer,
    context: { fields: [], pageUrl: 'https://portal.test/x' },
  });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

const responseSamplesHeading = (document: Document) =>
  Array.from(document.querySelectorAll('h3')).find((heading) => heading.textContent?.trim() === 'Response samples');

describe('a success without a body', () => {
  it('is found from the spec: the first 2xx, when no 2xx has a body', () => {
    const { spec, pointer } = operationPage('create_event');
    expect(bodilessSuccess(spec, pointer)).toEqual({
      status: '202',
      description: 'Accepted: the request was queued for processing.',
    });
    for (const operationId of ['get_profiles', 'create_campaign']) {
      const page = operationPage(operationId);
      expect(bodilessSuccess(page.spec, page.pointer), operationId).toBeUndefined();
    }
  });

  it('is noted first under "Response samples" in the built markup, before the error tabs', () => {
    const document = decoratedMarkup('create_event');
    const heading = responseSamplesHeading(document)!;
    expect(heading).toBeTruthy();
    const note = heading.nextElementSibling!;
    expect(note.getAttribute(BODILESS_SUCCESS_ATTRIBUTE)).toBe('202');
    expect(note.textContent).toBe('202 Accepted: the request was queued for processing. No response body.');
    // Redoc's tabs still follow, and open on the first error with a body.
    expect(note.nextElementSibling?.querySelector('[role="tab"]')?.textContent).toContain('400');
  });

  it('is not noted where a success has a sample', () => {
    const document = decoratedMarkup('get_profiles');
    expect(responseSamplesHeading(document)).toBeTruthy();
    expect(document.querySelector(`[${BODILESS_SUCCESS_ATTRIBUTE}]`)).toBeNull();
  });

  it('is noted once, however often the live tree is decorated, and its description stays text', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><div><h3>Response samples</h3><ul></ul></div></body></html>',
    );
    const success = { status: '204', description: '<img src=x onerror="window.__pwned=1">' };
    showBodilessSuccess(document.body, success);
    showBodilessSuccess(document.body, success);
    const notes = document.querySelectorAll(`[${BODILESS_SUCCESS_ATTRIBUTE}]`);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.querySelector('img')).toBeNull();
    expect(notes[0]!.textContent).toContain('<img src=x');
  });
});
