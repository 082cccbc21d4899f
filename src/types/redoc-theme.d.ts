declare module '@theme/ApiOperation' {
  import type { ComponentType } from 'react';
  const ApiOperation: ComponentType<{ spec?: unknown; pointer: string; example?: boolean; id?: string }>;
  export default ApiOperation;
}

declare module 'postcss-prefix-selector' {
  import type { PluginCreator } from 'postcss';
  const prefixer: PluginCreator<{ prefix: string }>;
  export default prefixer;
}
