import React, { useEffect, useState } from 'react';
import clsx from 'clsx';
import { useLocation } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { absoluteLink } from './absoluteLink';
import { copyText } from '../../components/copyText';
import styles from './styles.module.css';

interface Props {
  /** Heading id to append as `#anchor`; omitted for a whole page (an API operation). */
  anchor?: string;
  /** What the link points to, for the accessible name: "Copy link to {label}". */
  label: string;
  /** Visible text next to the icon (the heading buttons are icon-only). */
  text?: string;
  className?: string;
}

/**
 * Copies the canonical absolute URL of the current page (plus `#anchor`), ready to paste in Slack.
 * Icon-only, so it adds no text to the heading (search index, TOC); the name is in aria-label.
 */
export default function CopyLinkButton({ anchor, label, text, className }: Props): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const { pathname } = useLocation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 3000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const link = absoluteLink(siteConfig.url, pathname, anchor);

  return (
    <button
      type="button"
      className={clsx(styles.copyLink, text && styles.withText, state === 'copied' && styles.copied, className)}
      aria-label={`Copy link to ${label}`}
      title={`Copy link: ${link}`}
      data-copy-link={link}
      onClick={() => {
        copyText(link).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied' ? (
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" />
        </svg>
      ) : (
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M3.9 12a3.1 3.1 0 0 1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7A3.1 3.1 0 0 1 3.9 12zM8 13h8v-2H8v2zm9-6h-4v1.9h4a3.1 3.1 0 0 1 0 6.2h-4V17h4a5 5 0 0 0 0-10z"
          />
        </svg>
      )}
      {text && <span>{state === 'copied' ? 'Copied' : text}</span>}
      <span className={styles.status} role="status">
        {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Could not copy the link' : ''}
      </span>
    </button>
  );
}
