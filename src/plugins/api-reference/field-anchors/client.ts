/**
 * Field anchors in the browser, on the element that holds an operation's Redoc markup: keeps every rendered row
 * anchored as Redoc re-renders, copies a field's link, and reveals a field named by the URL's hash (opening the
 * response and the collapsed properties around it with their real toggles, then scrolling and highlighting it).
 */
import {
  CHECK_ICON_PATH,
  COPIED_STATUS,
  COPY_LINK_COPIED_CLASS,
  COPY_LINK_STATUS_CLASS,
  copyText,
  FAILED_STATUS,
  LINK_ICON_PATH,
} from '../../../theme/Heading/copyLink';
import {
  decorateFieldAnchors,
  FIELD_ANCHOR_ATTRIBUTE,
  FIELD_COPY_ATTRIBUTE,
  fieldRows,
  findFieldRow,
  isExpanded,
  rowToggle,
} from './decorate';
import { fieldAnchorId, type OperationField } from './ids';

/** Set on the row a link points to (styled in field-anchors.css). */
export const TARGET_CLASS = 'field-anchor-target';

/** A click may first have to load Redoc's code: wait this long for it to show what it opens. */
const TOGGLE_TIMEOUT_MS = 10_000;
/** A one-of switch that shows the variant already on screen changes nothing: move on sooner. */
const VARIANT_TIMEOUT_MS = 1_500;

export interface FieldAnchorsOptions {
  fields: readonly OperationField[];
  /** Absolute URL of the page without hash, as copied links give it. */
  pageUrl: string;
}

export interface FieldAnchors {
  /** Opens, scrolls to and highlights the field `id`; resolves to its row, or undefined (unknown, not found). */
  reveal(id: string): Promise<Element | undefined>;
  dispose(): void;
}

/** Ids of the fields that hold `field`, outermost first. */
function ancestorIds(field: OperationField): string[] {
  const { location } = field;
  if (location.kind === 'parameter') return [];
  return location.path
    .slice(0, -1)
    .map((_, index) => fieldAnchorId({ ...location, path: location.path.slice(0, index + 1) }));
}

/** The button heading a response (`<strong>` status): Redoc sets aria-expanded on it only once it is open. */
function responseButton(container: Element, status: string): HTMLElement | undefined {
  return Array.from(container.querySelectorAll<HTMLElement>('button')).find(
    (button) => button.querySelector(':scope > strong')?.textContent?.trim() === status,
  );
}

/** The one-of switches in the row that holds `row`'s nested fields (not those of deeper rows). */
function variantButtons(row: Element): HTMLElement[] {
  const holder = row.nextElementSibling;
  if (!holder) return [];
  return Array.from(holder.querySelectorAll<HTMLElement>('button')).filter(
    (button) => button.closest('tr') === holder && !button.hasAttribute(FIELD_COPY_ATTRIBUTE),
  );
}

function variantKey(row: Element, button: Element): string {
  return `variant ${row.getAttribute(FIELD_ANCHOR_ATTRIBUTE)} ${button.textContent}`;
}

/** Resolves once `changed()` holds after a DOM change under `container`, or false after `timeout` ms. */
function waitForChange(container: Element, changed: () => boolean, timeout: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (result: boolean) => {
      observer.disconnect();
      window.clearTimeout(timer);
      resolve(result);
    };
    const observer = new MutationObserver(() => {
      if (changed()) finish(true);
    });
    observer.observe(container, { childList: true, subtree: true });
    const timer = window.setTimeout(() => finish(changed()), timeout);
  });
}

async function copyFieldLink(button: HTMLElement): Promise<void> {
  const link = button.getAttribute('data-copy-link');
  if (!link) return;
  const status = button.querySelector(`.${COPY_LINK_STATUS_CLASS}`);
  const icon = button.querySelector('path');
  let copied = false;
  try {
    await copyText(link);
    copied = true;
  } catch {
    // Reported in the status below.
  }
  button.classList.toggle(COPY_LINK_COPIED_CLASS, copied);
  icon?.setAttribute('d', copied ? CHECK_ICON_PATH : LINK_ICON_PATH);
  if (status) status.textContent = copied ? COPIED_STATUS : FAILED_STATUS;
  window.setTimeout(() => {
    button.classList.remove(COPY_LINK_COPIED_CLASS);
    icon?.setAttribute('d', LINK_ICON_PATH);
    if (status) status.textContent = '';
  }, 3000);
}

export function installFieldAnchors(container: Element, { fields, pageUrl }: FieldAnchorsOptions): FieldAnchors {
  const decorate = () => decorateFieldAnchors(container, fields, { pageUrl });
  decorate();

  // Redoc re-renders rows (expanding, switching variants, a new store on colour mode change): anchor them again.
  // The decorator's own changes settle in one more pass, which changes nothing.
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      decorate();
    });
  });
  observer.observe(container, { childList: true, subtree: true });

  const onClick = (event: Event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>(`[${FIELD_COPY_ATTRIBUTE}]`);
    if (!button || !container.contains(button)) return;
    event.preventDefault();
    void copyFieldLink(button);
  };
  container.addEventListener('click', onClick);

  /** Anchored ids on screen: changes when a click opened or switched something. */
  const shown = () => {
    decorate();
    return fieldRows(container)
      .map((row) => row.getAttribute(FIELD_ANCHOR_ATTRIBUTE) ?? '')
      .join(' ');
  };

  let revealing = 0;
  async function reveal(id: string): Promise<Element | undefined> {
    const field = fields.find((candidate) => candidate.id === id);
    if (!field) return undefined;
    const run = ++revealing;
    const ancestors = ancestorIds(field);
    const clicks = new Map<string, number>();
    // Each pass clicks one toggle; a field is never deeper than its path, plus the variants on the way.
    for (let pass = 0; pass < 40 && run === revealing; pass++) {
      decorate();
      const row = findFieldRow(container, id);
      if (row) {
        for (const other of Array.from(container.querySelectorAll(`.${TARGET_CLASS}`))) {
          other.classList.remove(TARGET_CLASS);
        }
        row.classList.add(TARGET_CLASS);
        row.scrollIntoView({ block: 'center' });
        return row;
      }

      let click: HTMLElement | undefined;
      let key = '';
      let timeout = TOGGLE_TIMEOUT_MS;
      const response =
        field.location.kind === 'response' ? responseButton(container, field.location.status) : undefined;
      if (field.location.kind === 'response' && response && response.getAttribute('aria-expanded') !== 'true') {
        click = response;
        key = `response ${field.location.status}`;
      } else {
        const rendered = ancestors
          .map((ancestor) => findFieldRow(container, ancestor))
          .filter((candidate): candidate is Element => candidate !== undefined);
        const deepest = rendered.at(-1);
        if (!deepest) return undefined;
        if (!isExpanded(deepest)) {
          click = rowToggle(deepest);
          key = `toggle ${deepest.getAttribute(FIELD_ANCHOR_ATTRIBUTE)}`;
        } else {
          // Open, yet the field is not there: it is in another variant of a one-of on the way (innermost first).
          const variants = rendered
            .reverse()
            .flatMap((row) => variantButtons(row).map((button) => ({ button, key: variantKey(row, button) })));
          const untried = variants.find((variant) => !clicks.has(variant.key));
          click = untried?.button;
          key = untried?.key ?? '';
          timeout = VARIANT_TIMEOUT_MS;
        }
      }
      // A toggle may be clicked again if a re-render folded it back; never more than twice.
      const count = clicks.get(key) ?? 0;
      if (!click || count >= 2) return undefined;
      clicks.set(key, count + 1);
      const before = shown();
      click.click();
      await waitForChange(container, () => shown() !== before, timeout);
    }
    return undefined;
  }

  return {
    reveal,
    dispose() {
      revealing++;
      observer.disconnect();
      container.removeEventListener('click', onClick);
    },
  };
}
