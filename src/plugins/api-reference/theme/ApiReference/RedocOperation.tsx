import React, { useCallback, useRef, useState } from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import 'docusaurus-theme-redoc/dist-jsx/theme/Redoc/styles.css';
import './bodiless-success.css';
import type { Expansion } from '../../redoc/options';
import type { OpenApiDocument } from '../../spec/types';
import type { RenderedRedoc } from '../../types';
import { controlOf, interactionOf, type Interaction } from './redoc-interaction';
import { STATIC_CSS_ATTRIBUTE, STATIC_MARKUP_ATTRIBUTE } from './redoc-markup';

type RedocLiveComponent = typeof import('./RedocLive').default;

// Redoc (the live tree) is a chunk of its own, fetched on the reader's first interaction with the markup.
// Not React.lazy: the markup stays as it is until the chunk is there, then one commit swaps the trees.
let loadingLive: Promise<RedocLiveComponent> | undefined;
function loadLive(): Promise<RedocLiveComponent> {
  loadingLive ??= import(/* webpackChunkName: "redoc" */ './RedocLive').then((module) => module.default);
  return loadingLive;
}

interface Props {
  rendered: RenderedRedoc;
  spec: OpenApiDocument;
  pointer: string;
}

/**
 * One operation as Redoc renders it, with redocusaurus's theme: the build's static markup and CSS
 * (redoc/render.ts) until the reader needs Redoc, then Redoc's live components in its place. The swap
 * happens in one commit once the chunk is there, and both trees have the same shape, so nothing moves;
 * the interactions that called for it are then replayed.
 */
export default function RedocOperation({ rendered, spec, pointer }: Props): React.JSX.Element {
  const isBrowser = useIsBrowser();
  const [RedocLive, setRedocLive] = useState<RedocLiveComponent | null>(null);
  const [expansion, setExpansion] = useState<Expansion>('default');
  /** What the reader did to the markup while Redoc was on its way, in order. */
  const interactions = useRef<Interaction[]>([]);

  const goLive = useCallback((interaction: Interaction | null, nextExpansion?: Expansion) => {
    if (interaction) interactions.current.push(interaction);
    void loadLive().then((component) => {
      if (nextExpansion) setExpansion(nextExpansion);
      setRedocLive(() => component);
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
            if (RedocLive) setExpansion(next);
            else goLive(null, next);
          }}
          data-testid="expand-all"
        >
          {expansion === 'all' ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      {RedocLive ? (
        <RedocLive
          spec={spec}
          pointer={pointer}
          expansion={expansion}
          interactions={interactions}
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
    </>
  );
}
