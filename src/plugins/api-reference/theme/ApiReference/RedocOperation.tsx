import React, { Suspense, lazy, startTransition, useCallback, useState } from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import 'docusaurus-theme-redoc/dist-jsx/theme/Redoc/styles.css';
import type { Expansion } from '../../redoc/options';
import type { OpenApiDocument } from '../../spec/types';
import type { RenderedRedoc } from '../../types';
import { controlOf, interactionOf, type Interaction } from './redoc-interaction';
import { STATIC_CSS_ATTRIBUTE, STATIC_MARKUP_ATTRIBUTE } from './redoc-markup';

// Redoc (the live tree) is a chunk of its own, fetched on the reader's first interaction with the markup.
const loadLive = () => import(/* webpackChunkName: "redoc" */ './RedocLive');
const RedocLive = lazy(loadLive);

interface Props {
  rendered: RenderedRedoc;
  spec: OpenApiDocument;
  pointer: string;
}

/**
 * One operation as Redoc renders it, with redocusaurus's theme: the build's static markup and CSS
 * (redoc/render.ts) until the reader needs Redoc, then Redoc's live components in its place. The swap
 * happens in one commit (a transition keeps the markup on screen while the chunk loads), and both trees
 * have the same shape, so nothing moves; the interaction that triggered it is then replayed.
 */
export default function RedocOperation({ rendered, spec, pointer }: Props): React.JSX.Element {
  const isBrowser = useIsBrowser();
  const [live, setLive] = useState<{ interaction: Interaction | null } | null>(null);
  const [expansion, setExpansion] = useState<Expansion>('default');

  const goLive = useCallback((interaction: Interaction | null, nextExpansion?: Expansion) => {
    startTransition(() => {
      if (nextExpansion) setExpansion(nextExpansion);
      setLive((current) => current ?? { interaction });
    });
  }, []);

  const onStaticEvent = (event: React.SyntheticEvent<HTMLDivElement>, kind: Interaction['kind']) => {
    const interaction = interactionOf(event.currentTarget, event.target, kind);
    if (!interaction) return;
    event.preventDefault();
    goLive(interaction);
  };
  // Pressing a control (before the click) or tabbing to one starts the download.
  const prefetch = (event: React.SyntheticEvent<HTMLDivElement>) => {
    if (controlOf(event.currentTarget, event.target)) void loadLive();
  };

  return (
    <>
      <div
        className="redoc-ssr-styles"
        {...{ [STATIC_CSS_ATTRIBUTE]: '' }}
        dangerouslySetInnerHTML={{ __html: `<style>${rendered.css}</style>` }}
      />
      <div className="reference-expand-control">
        {/* A button that does nothing until React runs would mislead: disabled until hydrated. */}
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={!isBrowser}
          onClick={() => {
            const next = expansion === 'all' ? 'none' : 'all';
            if (live) setExpansion(next);
            else goLive(null, next);
          }}
          data-testid="expand-all"
        >
          {expansion === 'all' ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      <Suspense fallback={null}>
        {live ? (
          <RedocLive
            spec={spec}
            pointer={pointer}
            expansion={expansion}
            interaction={live.interaction}
            className="redoc-operation-root"
          />
        ) : (
          <div
            className="redoc-operation-root"
            {...{ [STATIC_MARKUP_ATTRIBUTE]: '' }}
            onClick={(event) => onStaticEvent(event, 'click')}
            onChange={(event) => onStaticEvent(event, 'change')}
            onPointerDown={prefetch}
            onFocus={prefetch}
            dangerouslySetInnerHTML={{ __html: rendered.html }}
          />
        )}
      </Suspense>
    </>
  );
}
