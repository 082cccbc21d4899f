import React, { useEffect, useMemo, useState } from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useColorMode } from '@docusaurus/theme-common';
import merge from 'lodash/merge';
import { AppStore, type RedocRawOptions } from 'redoc';
import RedocOperationView from './RedocOperationView';
import { useSpecOptions } from 'docusaurus-theme-redoc/dist-jsx/utils/useSpecOptions';
import 'docusaurus-theme-redoc/dist-jsx/theme/Redoc/styles.css';
import RedocStyles from './RedocStyles';
import type { OpenApiDocument } from '../../spec/types';

/**
 * Status colours per colour mode. The theme plugin shares one palette between light and dark,
 * and no single red or green reaches 4.5:1 on both Redoc's light panels and its dark ones.
 */
const LIGHT: RedocRawOptions = {
  theme: {
    colors: { primary: { main: '#0b57d0' }, error: { main: '#b3261e' }, success: { main: '#1a7f37' } },
    rightPanel: { backgroundColor: '#1b2028' },
  },
};
const DARK: RedocRawOptions = {
  theme: {
    colors: { primary: { main: '#8dbbfe' }, error: { main: '#ff8a80' }, success: { main: '#7ee787' } },
  },
};

/**
 * One operation per store: Redoc's own search index would only slow the page down (and lunr is stubbed out).
 * Bodies open: the single `data` member of a JSON:API document and the level below it (`attributes`) are
 * expanded, so the attributes and their descriptions show without a click; successful responses are open,
 * errors stay folded; samples show the whole example. The generated code samples come before the payload,
 * and the page's own facts already name the authentication.
 */
const ONE_OPERATION: RedocRawOptions = {
  // Property names take what they need; descriptions get the rest (Redoc's default gives them 75%).
  theme: { schema: { defaultDetailsWidth: '80%' } },
  disableSearch: true,
  // Spec text is untrusted: Redoc runs DOMPurify over every Markdown block it renders, on the server
  // too (the api-reference plugin gives the server bundle a DOMPurify with a jsdom window).
  untrustedSpec: true,
  expandSingleSchemaField: true,
  schemaExpansionLevel: 2,
  expandResponses: '200,201,202,203,204,206',
  jsonSampleExpandLevel: 'all',
  payloadSampleIdx: 99,
  hideSecuritySection: true,
};

/** What the page's "Expand all" / "Collapse all" control switches to. */
const EXPANSION: Record<Exclude<Expansion, 'default'>, RedocRawOptions> = {
  all: { schemaExpansionLevel: 'all', expandResponses: 'all', jsonSampleExpandLevel: 'all' },
  none: { schemaExpansionLevel: 0, expandSingleSchemaField: false, expandResponses: '', jsonSampleExpandLevel: 1 },
};

type Expansion = 'default' | 'all' | 'none';

interface Props {
  spec: OpenApiDocument;
  pointer: string;
}

/**
 * One operation rendered with Redoc's own components and redocusaurus's theme options: what
 * redocusaurus's ApiOperation does, with the per-mode palette above.
 */
export default function RedocOperation({ spec, pointer }: Props): React.JSX.Element {
  const base = useSpecOptions();
  const isBrowser = useIsBrowser();
  const isDark = useColorMode().colorMode === 'dark';
  const lightThemeOptions = useMemo(
    () => merge({}, base.lightThemeOptions, LIGHT, ONE_OPERATION),
    [base.lightThemeOptions],
  );
  const darkThemeOptions = useMemo(
    () => merge({}, base.darkThemeOptions, DARK, ONE_OPERATION),
    [base.darkThemeOptions],
  );
  const [expansion, setExpansion] = useState<Expansion>('default');
  const options = useMemo(() => {
    const modeOptions = isBrowser && isDark ? darkThemeOptions : lightThemeOptions;
    return expansion === 'default' ? modeOptions : { ...modeOptions, ...EXPANSION[expansion] };
  }, [isBrowser, isDark, darkThemeOptions, lightThemeOptions, expansion]);

  const store = useMemo(() => new AppStore(spec as never, undefined, options), [spec, options]);
  // Like redocusaurus's ApiOperation: stop Redoc's menu from scroll-spying and rewriting the URL hash.
  useEffect(() => store.menu.dispose(), [store]);

  return (
    <>
      <RedocStyles
        spec={spec}
        pointer={pointer}
        lightThemeOptions={lightThemeOptions}
        darkThemeOptions={darkThemeOptions}
      />
      <div className="reference-expand-control">
        {/* A button that does nothing until React runs would mislead: disabled until hydrated. */}
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={!isBrowser}
          onClick={() => setExpansion(expansion === 'all' ? 'none' : 'all')}
          data-testid="expand-all"
        >
          {expansion === 'all' ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      <RedocOperationView store={store} pointer={pointer} />
    </>
  );
}
