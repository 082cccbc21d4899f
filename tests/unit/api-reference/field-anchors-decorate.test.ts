// The field anchor decorator on Redoc's real markup: each operation rendered with react-dom/server, as the
// build renders it, then decorated over a linkedom DOM (the same code runs over the live DOM in the browser).
import path from 'node:path';
import { renderToString } from 'react-dom/server';
import { AppStore, type RedocRawOptions } from 'redoc';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceModel, type ReferenceModel } from '../../../src/plugins/api-reference/spec';
import { buildOperationSpec } from '../../../src/plugins/api-reference/spec/mini-spec';
import { operationFields, type OperationField } from '../../../src/plugins/api-reference/field-anchors/ids';
import {
  decorateFieldAnchors,
  FIELD_ANCHOR_ATTRIBUTE,
  FIELD_COPY_ATTRIBUTE,
  fieldRows,
  isExpanded,
  rowLocation,
} from '../../../src/plugins/api-reference/field-anchors/decorate';
import { decorateRenderedOperationHtml } from '../../../src/plugins/api-reference/field-anchors/html';
import { redocOperationView } from '../../../src/plugins/api-reference/redoc/view';
import type { OpenApiDocument } from '../../../src/plugins/api-reference/spec/types';

const ROOT = path.resolve(__dirname, '../../..');

/** The expansion the operation pages open with (theme/ApiReference/RedocOperation.tsx). */
const PAGE_EXPANSION: RedocRawOptions = {
  disableSearch: true,
  expandSingleSchemaField: true,
  schemaExpansionLevel: 2,
  expandResponses: '200,201,202,203,204,206',
};
/** The page's "Expand all". */
const EVERYTHING: RedocRawOptions = { disableSearch: true, schemaExpansionLevel: 'all', expandResponses: 'all' };

let model: ReferenceModel;
beforeAll(async () => {
  model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
});

function operationPage(operationId: string): { spec: OpenApiDocument; pointer: string; fields: OperationField[] } {
  const revision = model.revisions.find((candidate) => candidate.isLatest)!;
  const operation = revision.operations.find((candidate) => candidate.operationId === operationId)!;
  const spec = buildOperationSpec(revision.spec, operation);
  return { spec, pointer: operation.pointer, fields: operationFields(spec, operation.path, operation.method) };
}

function renderOperation(spec: OpenApiDocument, pointer: string, options: RedocRawOptions): string {
  const store = new AppStore(spec as never, undefined, options);
  return renderToString(redocOperationView(store, pointer));
}

function parse(html: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><main>${html}</main></body></html>`);
  return document.querySelector('main')!;
}

describe.each(['get_profiles', 'create_campaign', 'get_event'])('field anchors on %s', (operationId) => {
  it('the page spec and the full spec give the same field ids', () => {
    const revision = model.revisions.find((candidate) => candidate.isLatest)!;
    const operation = revision.operations.find((candidate) => candidate.operationId === operationId)!;
    const full = operationFields(revision.spec, operation.path, operation.method).map((field) => field.id);
    expect(operationPage(operationId).fields.map((field) => field.id)).toEqual(full);
  });

  it.each([
    ['as the page opens', PAGE_EXPANSION],
    ['with everything expanded', EVERYTHING],
  ])('gives every rendered row its id from the scheme %s', (_label, options) => {
    const { spec, pointer, fields } = operationPage(operationId);
    const root = parse(renderOperation(spec, pointer, options));
    const count = decorateFieldAnchors(root, fields, {
      pageUrl: `https://developers.example.com/reference/${operationId}`,
    });

    const known = new Set(fields.map((field) => field.id));
    // Not fields of the scheme: `additionalProperties` rows ("property name*") and response headers.
    const isHeader = (row: Element) =>
      row.closest('table')?.querySelector('caption')?.textContent?.trim() === 'Response Headers';
    const rows = fieldRows(root).filter(
      (row) => row.querySelector('td')?.getAttribute('kind') === 'field' && !isHeader(row),
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const id = row.getAttribute('id');
      expect(id, `row ${row.querySelector('td')?.getAttribute('title')} has an id`).toBeTruthy();
      expect(known.has(id!)).toBe(true);
      expect(row.getAttribute(FIELD_ANCHOR_ATTRIBUTE)).toBe(id);
      expect(row.classList.contains('anchor')).toBe(true);
      const button = row.querySelector(`[${FIELD_COPY_ATTRIBUTE}]`)!;
      expect(button.getAttribute('data-copy-link')).toBe(
        `https://developers.example.com/reference/${operationId}#${id}`,
      );
      expect(button.getAttribute('aria-label')).toMatch(
        /^Copy link to (parameter|request body field|\d+ response field) /,
      );
    }
    const ids = rows.map((row) => row.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(count).toBe(rows.length);
    expect(root.querySelectorAll('[id]').length - count).toBe(root.querySelectorAll('[id]:not(tr)').length);

    // Fully expanded, the page shows every field of the scheme (minus what Redoc hides: read-only
    // properties in requests, write-only ones in responses).
    // (get_event's `included` is one of two schemas: Redoc shows the first until the reader switches.)
    if (options === EVERYTHING && operationId !== 'get_event') {
      const missing = fields.map((field) => field.id).filter((id) => !ids.includes(id));
      expect(missing).toEqual([]);
    }
  });

  it('is idempotent: a second pass changes nothing', () => {
    const { spec, pointer, fields } = operationPage(operationId);
    const root = parse(renderOperation(spec, pointer, PAGE_EXPANSION));
    decorateFieldAnchors(root, fields);
    const once = root.innerHTML;
    decorateFieldAnchors(root, fields);
    expect(root.innerHTML).toBe(once);
  });
});

describe('field anchors in detail', () => {
  it('maps parameters, nested request fields and response fields by their nesting', () => {
    const profiles = operationPage('get_profiles');
    const root = parse(renderOperation(profiles.spec, profiles.pointer, PAGE_EXPANSION));
    decorateFieldAnchors(root, profiles.fields);
    expect(root.querySelector('#param-page-size')?.querySelector('td')?.getAttribute('title')).toBe('page[size]');
    expect(root.querySelector('#response-200-data-type')).not.toBeNull();
    expect(root.querySelector('#response-200-links-next')).not.toBeNull();

    const campaign = operationPage('create_campaign');
    const page = parse(renderOperation(campaign.spec, campaign.pointer, PAGE_EXPANSION));
    decorateFieldAnchors(page, campaign.fields);
    const strategy = page.querySelector('#request-data-attributes-send_strategy')!;
    expect(rowLocation(strategy, page)).toEqual({ kind: 'request', path: ['data', 'attributes', 'send_strategy'] });
    // Collapsed as the page opens: its children are not in the DOM, so they have no rows yet.
    expect(isExpanded(strategy)).toBe(false);
    expect(page.querySelector('#request-data-attributes-send_strategy-method')).toBeNull();
    expect(page.querySelector('#response-201-data-attributes-send_strategy')).not.toBeNull();
  });

  it('gives no id to a row the scheme does not list, and keeps ids unique', () => {
    const { spec, pointer, fields } = operationPage('get_profiles');
    const root = parse(renderOperation(spec, pointer, PAGE_EXPANSION));
    const withoutPageSize = fields.filter((field) => field.id !== 'param-page-size');
    decorateFieldAnchors(root, withoutPageSize);
    const row = fieldRows(root).find(
      (candidate) => candidate.querySelector('td')?.getAttribute('title') === 'page[size]',
    )!;
    expect(row.hasAttribute('id')).toBe(false);
    expect(row.querySelector(`[${FIELD_COPY_ATTRIBUTE}]`)).toBeNull();
  });

  it('can leave the buttons out, for markup that React hydrates', () => {
    const { spec, pointer, fields } = operationPage('get_profiles');
    const html = decorateRenderedOperationHtml(renderOperation(spec, pointer, PAGE_EXPANSION), fields, {
      copyButtons: false,
    });
    expect(html).toContain('id="param-page-size"');
    expect(html).not.toContain(FIELD_COPY_ATTRIBUTE);
  });

  it('decorates a server-rendered operation HTML string', () => {
    const { spec, pointer, fields } = operationPage('create_campaign');
    const html = decorateRenderedOperationHtml(renderOperation(spec, pointer, PAGE_EXPANSION), fields, {
      pageUrl: 'https://developers.example.com/reference/create_campaign',
    });
    const root = parse(html);
    for (const id of [
      'param-revision',
      'request-data',
      'request-data-attributes-send_strategy',
      'response-201-data-id',
    ]) {
      expect(root.querySelector(`#${id}`), id).not.toBeNull();
    }
    expect(html).toContain('data-copy-link="https://developers.example.com/reference/create_campaign#request-data"');
  });
});
