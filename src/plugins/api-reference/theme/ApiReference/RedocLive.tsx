import React, { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useColorMode } from '@docusaurus/theme-common';
import { useAllPluginInstancesData } from '@docusaurus/useGlobalData';
import { AppStore } from 'redoc';
import { operationRedocOptions, type Expansion, type RedocThemeData } from '../../redoc/options';
import { redocOperationView } from '../../redoc/view';
import type { OpenApiDocument } from '../../spec/types';
import { replayInteraction, type Interaction } from './redoc-interaction';
import { decorateRedocContainer } from './decorateRedocContainer';

interface Props {
  spec: OpenApiDocument;
  pointer: string;
  expansion: Expansion;
  /** The interactions with the static markup that brought Redoc in, replayed (and emptied) once mounted. */
  interactions: RefObject<Interaction[]>;
  className: string;
}

/** Redoc's live components for one operation, mounted in place of the build's markup (see RedocOperation). */
export default function RedocLive({ spec, pointer, expansion, interactions, className }: Props): React.JSX.Element {
  const themeData = Object.values(
    useAllPluginInstancesData('docusaurus-theme-redoc', { failfast: true }),
  )[0] as RedocThemeData;
  const mode = useColorMode().colorMode;
  const store = useMemo(
    () => new AppStore(spec as never, undefined, operationRedocOptions(themeData, mode, expansion)),
    [spec, themeData, mode, expansion],
  );
  // Like redocusaurus's ApiOperation: stop Redoc's menu from scroll-spying and rewriting the URL hash.
  useEffect(() => store.menu.dispose(), [store]);

  const container = useRef<HTMLDivElement>(null);
  // After the commit, not in it: a click dispatched during the commit does not reach react-tabs.
  useEffect(() => {
    const element = container.current;
    for (const interaction of interactions.current.splice(0)) {
      if (element) replayInteraction(element, interaction);
    }
  }, [interactions]);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const observer = new MutationObserver(() => decorate());
    const decorate = () => {
      observer.disconnect();
      decorateRedocContainer(element, { spec, pointer });
      observer.observe(element, { childList: true, subtree: true });
    };
    decorate();
    return () => observer.disconnect();
  }, [store, spec, pointer]);

  return (
    <div ref={container} className={className}>
      {redocOperationView(store, pointer)}
    </div>
  );
}
