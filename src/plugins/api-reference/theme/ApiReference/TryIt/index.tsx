import React, { Suspense, lazy, useEffect, useRef, useState } from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type { OperationPageData } from '../../../types';
import { isShareFragment } from './fragment';
import styles from './shell.module.css';

// The panel, Ajv and the form code are one chunk of their own, fetched when the panel is opened or
// scrolled near; nothing of it is part of any page's initial JavaScript.
const loadPanel = () => import(/* webpackChunkName: "try-it" */ './TryItPanel');
const TryItPanel = lazy(loadPanel);

/**
 * The "Try it" disclosure of an operation page. Server-rendered as a plain <details> whose content,
 * without JavaScript, only points to the static samples: no form that could not work.
 */
export default function TryIt({ data }: { data: OperationPageData }): React.JSX.Element {
  const isBrowser = useIsBrowser();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);

  // A shared link (#try-it=…) opens the panel with its fields.
  useEffect(() => {
    if (isShareFragment(window.location.hash)) {
      setOpen(true);
      ref.current?.scrollIntoView({ block: 'start' });
    }
  }, []);

  // Fetch the chunk as the panel comes into view, so opening it is instant.
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          void loadPanel();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <details
      ref={ref}
      className={styles.tryIt}
      data-testid="try-it"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className={styles.summary}>
        <span className={styles.summaryTitle}>Try it</span>
        <span className={styles.summaryHint}>
          {operationHint(data)} from this page, against a test account or a mock server
        </span>
      </summary>
      {!isBrowser ? (
        <p className={styles.noScript} data-testid="try-it-no-js">
          Sending requests from this page needs JavaScript. The code samples above work without it.
        </p>
      ) : open ? (
        <Suspense
          fallback={
            <p role="status" className={styles.loading}>
              Loading the request form…
            </p>
          }
        >
          <TryItPanel data={data} />
        </Suspense>
      ) : null}
    </details>
  );
}

function operationHint(data: OperationPageData): string {
  return `Send ${data.operation.method.toUpperCase()} ${data.operation.path}`;
}
