import React from 'react';
import { ThemeProvider } from 'styled-components';
import { AppStore, Operation, OperationModel, OptionsProvider, Section, StoreProvider } from 'redoc';

export function findOperation(store: AppStore, pointer: string): OperationModel {
  const model = store.menu.flatItems.find(
    (item): item is OperationModel => item instanceof OperationModel && item.pointer === pointer.replace(/^#/, ''),
  );
  if (!model) throw new Error(`Operation ${pointer} not found in its page's spec`);
  return model;
}

/** The markup Redoc renders for one operation: the page shows it, and the server collects its CSS from it. */
export default function RedocOperationView({
  store,
  pointer,
}: {
  store: AppStore;
  pointer: string;
}): React.JSX.Element {
  const model = findOperation(store, pointer);
  return (
    // Redoc's components read their options (expansion levels, hidden sections) from these contexts.
    <ThemeProvider theme={store.options.theme}>
      <StoreProvider value={store}>
        <OptionsProvider value={store.options}>
          <div className="redocusaurus redocusaurus-operation">
            <Section id={model.id} $underlined>
              <Operation operation={model} />
            </Section>
          </div>
        </OptionsProvider>
      </StoreProvider>
    </ThemeProvider>
  );
}
