import React from 'react';
import ApiOperation from '@theme/ApiOperation';
import RedocStyles from './RedocStyles';
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
      <RedocStyles spec={spec} lightThemeOptions={lightThemeOptions} darkThemeOptions={darkThemeOptions} />
      <ApiOperation spec={spec as never} pointer={pointer} example />
    </>
  );
}
