import React from 'react';
import { renderToString } from 'react-dom/server';
import { ServerStyleSheet } from 'styled-components';
import { AppStore, type RedocRawOptions } from 'redoc';
import postcss from 'postcss';
import prefixer from 'postcss-prefix-selector';
import type { RedocStylesProps } from './RedocStyles';
import RedocOperationView from './RedocOperationView';

function collectCss(
  { spec, pointer }: Pick<RedocStylesProps, 'spec' | 'pointer'>,
  options: RedocRawOptions,
  prefix: string,
): string {
  const sheet = new ServerStyleSheet();
  try {
    const store = new AppStore(spec as never, undefined, options);
    renderToString(sheet.collectStyles(<RedocOperationView store={store} pointer={pointer} />));
    return postcss().use(prefixer({ prefix })).process(String(sheet.instance)).css;
  } finally {
    sheet.seal();
  }
}

export default function RedocStyles({
  spec,
  pointer,
  lightThemeOptions,
  darkThemeOptions,
}: RedocStylesProps): React.JSX.Element {
  const css =
    collectCss({ spec, pointer }, lightThemeOptions, "html:not([data-theme='dark'])") +
    collectCss({ spec, pointer }, darkThemeOptions, "html[data-theme='dark']");
  return (
    <div
      className="redoc-ssr-styles"
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: `<style>${css}</style>` }}
    />
  );
}
