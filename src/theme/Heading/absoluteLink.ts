/** The absolute URL of `pathname` (which already includes the baseUrl) on the production site, with `#anchor`. */
export function absoluteLink(siteUrl: string, pathname: string, anchor?: string): string {
  const url = new URL(pathname, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  url.hash = anchor ?? '';
  return url.toString();
}
