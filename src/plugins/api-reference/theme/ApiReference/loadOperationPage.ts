import type { ComponentType } from 'react';
import type { OperationPageData, ReferenceSidebarData } from '../../types';

type OperationPageComponent = ComponentType<{ data: OperationPageData; sidebar: ReferenceSidebarData }>;

/**
 * The operation page's own code (its Redoc shell and Try it) is a chunk that tag and landing pages never
 * load. The server bundle swaps this module for loadOperationPage.server.ts (see the api-reference plugin's
 * webpack config), which has the page at once, so the server never suspends on it.
 */
let loaded: OperationPageComponent | undefined;
let loading: Promise<OperationPageComponent> | undefined;

export function loadOperationPage(): Promise<OperationPageComponent> {
  loading ??= import(/* webpackChunkName: "operation-page" */ './OperationPage').then(
    (module) => (loaded = module.default),
  );
  return loading;
}

/** The component once loaded, else undefined. */
export function loadedOperationPage(): OperationPageComponent | undefined {
  return loaded;
}
