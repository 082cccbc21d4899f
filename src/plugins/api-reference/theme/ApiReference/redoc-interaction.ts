/**
 * The static Redoc markup of an operation page is inert: the first click on one of its controls loads
 * Redoc, which replaces the markup with the same tree, live. That click must not be lost, so it is
 * recorded by the control's position in the tree and replayed on the same control of the live tree.
 */

import { FIELD_COPY_ATTRIBUTE } from '../../field-anchors/decorate';
import { BODILESS_SUCCESS_ATTRIBUTE } from '../../redoc/bodiless-success';

/** What only Redoc's code can answer: expanding rows and responses, sample tabs, copy buttons, selects. */
const NEEDS_REDOC = 'button, [role="tab"], [role="button"], select';
/**
 * What the page adds to Redoc's tree (redoc/decorate.ts), which works without Redoc: the field anchors'
 * copy-link buttons and the note of a success without a body.
 */
const ADDED_TO_REDOC = `[${FIELD_COPY_ATTRIBUTE}], [${BODILESS_SUCCESS_ATTRIBUTE}]`;

/** An element's children as Redoc rendered them, without what the page added (which the live tree may lack). */
function redocChildren(element: Element): Element[] {
  return Array.prototype.filter.call(element.children, (child: Element) => !child.matches(ADDED_TO_REDOC)) as Element[];
}

export interface Interaction {
  /** Element child indexes from the markup's root to the control. */
  path: number[];
  kind: 'click' | 'change';
  /** For a select: the option the reader picked. */
  value?: string;
  focused: boolean;
}

export function controlOf(root: Element, target: EventTarget | null): Element | null {
  if (!(target instanceof Element) || target.closest(ADDED_TO_REDOC)) return null;
  const control = target.closest(NEEDS_REDOC);
  return control && root.contains(control) ? control : null;
}

export function interactionOf(
  root: Element,
  target: EventTarget | null,
  kind: Interaction['kind'],
): Interaction | null {
  const control = controlOf(root, target);
  if (!control) return null;
  const path: number[] = [];
  for (let node: Element = control; node !== root && node.parentElement; node = node.parentElement) {
    path.unshift(redocChildren(node.parentElement).indexOf(node));
  }
  return {
    path,
    kind,
    value: control instanceof HTMLSelectElement ? control.value : undefined,
    focused: control.ownerDocument.activeElement === control,
  };
}

export function replayInteraction(root: Element, interaction: Interaction): void {
  let element: Element | undefined = root;
  for (const index of interaction.path) element = element && redocChildren(element)[index];
  if (!(element instanceof HTMLElement)) return;
  if (interaction.focused) element.focus();
  if (interaction.kind === 'change' && element instanceof HTMLSelectElement) {
    element.value = interaction.value ?? element.value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    element.click();
  }
}
