import React, { useEffect, useState } from 'react';
import clsx from 'clsx';
import { useLocation } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { absoluteLink } from './absoluteLink';
import {
  CHECK_ICON_PATH,
  COPIED_STATUS,
  COPY_LINK_CLASS,
  COPY_LINK_COPIED_CLASS,
  COPY_LINK_STATUS_CLASS,
  copyText,
  FAILED_STATUS,
  LINK_ICON_PATH,
} from './copyLink';
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
      className={clsx(
        COPY_LINK_CLASS,
        text && styles.withText,
        state === 'copied' && COPY_LINK_COPIED_CLASS,
        className,
      )}
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
          <path fill="currentColor" d={CHECK_ICON_PATH} />
        </svg>
      ) : (
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d={LINK_ICON_PATH} />
        </svg>
      )}
      {text && <span>{state === 'copied' ? 'Copied' : text}</span>}
      <span className={COPY_LINK_STATUS_CLASS} role="status">
        {state === 'copied' ? COPIED_STATUS : state === 'failed' ? FAILED_STATUS : ''}
      </span>
    </button>
  );
}
