import { createElement, type ReactElement } from 'react';
import { ThemeProvider } from 'styled-components';
import { AppStore, Operation, OperationModel, OptionsProvider, Section, StoreProvider } from 'redoc';

export function findOperation(store: AppStore, pointer: string): OperationModel {
  const model = store.menu.flatItems.find(
    (item): item is OperationModel => item instanceof OperationModel && item.pointer === pointer.replace(/^#/, ''),
  );
  if (!model) throw new Error(`Operation ${pointer} not found in its page's spec`);
  return model;
}

/**
 * The markup Redoc renders for one operation: the build renders it to a string in Node (redoc/render.ts),
 * and the browser mounts the same tree in its place on the first interaction. Plain `createElement`, so that
 * the plugin loads it in Node without a JSX transform. `theme` lets one store render both colour modes.
 */
export function redocOperationView(
  store: AppStore,
  pointer: string,
  theme: AppStore['options']['theme'] = store.options.theme,
): ReactElement {
  const model = findOperation(store, pointer);
  // Redoc's components read their options (expansion levels, hidden sections) from these contexts.
  return createElement(
    ThemeProvider,
    { theme },
    createElement(
      StoreProvider,
      { value: store },
      createElement(
        OptionsProvider,
        { value: store.options },
        createElement(
          'div',
          { className: 'redocusaurus redocusaurus-operation' },
          createElement(Section, { id: model.id, $underlined: true }, createElement(Operation, { operation: model })),
        ),
      ),
    ),
  );
}
