import React from 'react';
import type { RedocRawOptions } from 'redoc';
import type { OpenApiDocument } from '../../spec/types';

export interface RedocStylesProps {
  spec: OpenApiDocument;
  /** The operation the page shows: the server collects the CSS of just its markup. */
  pointer: string;
  lightThemeOptions: RedocRawOptions;
  darkThemeOptions: RedocRawOptions;
}

/**
 * In the browser styled-components injects Redoc's CSS itself. The server build swaps this
 * module for RedocStyles.server.tsx (see the api-reference plugin's webpack config), which
 * writes that CSS into the static HTML. Both render the same element with
 * dangerouslySetInnerHTML, so hydration keeps the server's styles and reports no mismatch.
 */
export default function RedocStyles(_props: RedocStylesProps): React.JSX.Element {
  return <div className="redoc-ssr-styles" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />;
}
