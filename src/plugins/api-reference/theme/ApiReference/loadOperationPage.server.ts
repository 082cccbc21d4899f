import OperationPage from './OperationPage';

/** The server bundle's loadOperationPage.ts: the page is part of the bundle, available at once. */
export function loadOperationPage(): Promise<typeof OperationPage> {
  return Promise.resolve(OperationPage);
}

export function loadedOperationPage(): typeof OperationPage {
  return OperationPage;
}
