import type { Keys } from './model';

/**
 * The keys the reader typed, in this tab's memory only: kept across client-side navigation between
 * operation pages, gone when the tab closes or reloads. Never written to storage, cookies or URLs.
 */
let remembered: Keys = { privateKey: '', publicKey: '' };

export function rememberedKeys(): Keys {
  return remembered;
}

export function rememberKeys(keys: Keys): void {
  remembered = { ...keys };
}
