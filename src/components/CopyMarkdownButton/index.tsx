import React, { useEffect, useState } from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

type Status = 'idle' | 'copying' | 'copied' | 'failed';

const LABELS: Record<Status, string> = {
  idle: 'Copy as Markdown',
  copying: 'Copying…',
  copied: 'Copied',
  failed: 'Copy failed',
};

async function fetchText(href: string): Promise<string> {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
  return response.text();
}

/**
 * Copies a page's Markdown twin to the clipboard. The clipboard write starts inside the click
 * (a ClipboardItem holding the pending download), which Safari requires; browsers without
 * ClipboardItem fall back to writeText once the file has arrived.
 */
async function copyFrom(href: string): Promise<void> {
  const text = fetchText(href);
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      const blob = text.then((value) => new Blob([value], { type: 'text/plain' }));
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return;
    } catch {
      // Some browsers reject a promised ClipboardItem: try the plain-text API below.
    }
  }
  await navigator.clipboard.writeText(await text);
}

export default function CopyMarkdownButton({
  href,
  className,
}: {
  /** URL of the Markdown twin, with the site's baseUrl. */
  href: string;
  className?: string;
}): React.JSX.Element {
  const [status, setStatus] = useState<Status>('idle');

  useEffect(() => {
    if (status !== 'copied' && status !== 'failed') return undefined;
    const timer = window.setTimeout(() => setStatus('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [status]);

  const copy = () => {
    setStatus('copying');
    copyFrom(href).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };

  return (
    <div className={clsx(styles.toolbar, className)}>
      <button
        type="button"
        className={clsx('button button--sm button--outline button--secondary', styles.button)}
        onClick={copy}
        disabled={status === 'copying'}
        data-testid="copy-markdown"
        data-status={status}
      >
        {LABELS[status]}
      </button>
      <a className={styles.link} href={href} data-testid="view-markdown">
        View as Markdown
      </a>
      <span className={styles.status} role="status" aria-live="polite">
        {status === 'copied' ? 'Page copied to the clipboard as Markdown.' : ''}
        {status === 'failed' ? 'Could not copy the page; open it as Markdown instead.' : ''}
      </span>
    </div>
  );
}
