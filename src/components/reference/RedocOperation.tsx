import React from 'react';
import ApiOperation from '@theme/ApiOperation';
// Swapped for the server-side variant by docusaurus-theme-redoc's webpack config, so the
// operation's styled-components CSS is in the static HTML for both colour modes.
import { ServerStyles } from '@theme/Redoc/Styles';
import { useSpecOptions } from 'docusaurus-theme-redoc/dist-jsx/utils/useSpecOptions';
import type { OpenApiDocument } from '../../spec-pipeline/types';

interface Props {
  spec: OpenApiDocument;
  pointer: string;
}

export default function RedocOperation({ spec, pointer }: Props): React.JSX.Element {
  const { lightThemeOptions, darkThemeOptions } = useSpecOptions();
  return (
    <>
      <ServerStyles
        specProps={{ spec: spec as never }}
        lightThemeOptions={lightThemeOptions}
        darkThemeOptions={darkThemeOptions}
      />
      <ApiOperation spec={spec as never} pointer={pointer} example />
    </>
  );
}
