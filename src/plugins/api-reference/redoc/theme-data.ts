import { getGlobalData } from 'docusaurus-theme-redoc/dist/redocData';
import type { RedocThemeData } from './options';

const THEME = 'docusaurus-theme-redoc';

/**
 * docusaurus-theme-redoc's global data (its Redoc theme and options) as the theme computes it from its
 * options in the site config: the browser reads the same data when it mounts Redoc over the build's markup.
 */
export async function loadRedocThemeData(siteConfig: { themes?: readonly unknown[] }): Promise<RedocThemeData> {
  const entry = (siteConfig.themes ?? []).find((theme) => (Array.isArray(theme) ? theme[0] : theme) === THEME);
  const options = (Array.isArray(entry) ? entry[1] : undefined) ?? {};
  return (await getGlobalData(options as never)) as RedocThemeData;
}
