import React from 'react';
import { renderToString } from 'react-dom/server';
import { ServerStyleSheet } from 'styled-components';
import { AppStore, Redoc, type RedocRawOptions } from 'redoc';
import postcss from 'postcss';
import prefixer from 'postcss-prefix-selector';
import type { RedocStylesProps } from './RedocStyles';

function collectCss(spec: RedocStylesProps['spec'], options: RedocRawOptions, prefix: string): string {
  const sheet = new ServerStyleSheet();
  try {
    renderToString(sheet.collectStyles(<Redoc store={new AppStore(spec as never, undefined, options)} />));
    return postcss().use(prefixer({ prefix })).process(String(sheet.instance)).css;
  } finally {
    sheet.seal();
  }
}

export default function RedocStyles({
  spec,
  lightThemeOptions,
  darkThemeOptions,
}: RedocStylesProps): React.JSX.Element {
  const css =
    collectCss(spec, lightThemeOptions, "html:not([data-theme='dark'])") +
    collectCss(spec, darkThemeOptions, "html[data-theme='dark']");
  return (
    <div
      className="redoc-ssr-styles"
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: `<style>${css}</style>` }}
    />
  );
}
