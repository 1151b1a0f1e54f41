/** A blob service URL without its trailing slash or query, as allow-list rules and targets write it. */
export function normaliseAccountUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}
