/**
 * What every copy-link button of the site shares: the heading buttons (CopyLinkButton, React) and the field
 * anchors of API operation pages (plain DOM, also written into server-rendered markup). Their look is in
 * styles.module.css, under these global class names.
 */
export const COPY_LINK_CLASS = 'copy-link-button';
export const COPY_LINK_COPIED_CLASS = 'copy-link-button--copied';
export const COPY_LINK_STATUS_CLASS = 'copy-link-button__status';

/** A chain link, and the check mark shown once copied (24×24 viewBox). */
export const LINK_ICON_PATH =
  'M3.9 12a3.1 3.1 0 0 1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7A3.1 3.1 0 0 1 3.9 12zM8 13h8v-2H8v2zm9-6h-4v1.9h4a3.1 3.1 0 0 1 0 6.2h-4V17h4a5 5 0 0 0 0-10z';
export const CHECK_ICON_PATH = 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z';

export const COPIED_STATUS = 'Link copied';
export const FAILED_STATUS = 'Could not copy the link';

/** Puts `text` on the clipboard: the Clipboard API, else a selection copy (insecure contexts, old browsers). */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Permission denied or insecure context: fall back to a selection copy below.
    }
  }
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.style.position = 'fixed';
  textarea.style.opacity = '0';
  document.body.appendChild(textarea);
  textarea.select();
  try {
    if (!document.execCommand('copy')) throw new Error('copy command refused');
  } finally {
    textarea.remove();
  }
}
