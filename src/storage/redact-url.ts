/**
 * A URL safe to log: scheme, host and path only. Query strings (SAS signatures) and user info are dropped;
 * a query is shown as `?<redacted>` so readers can tell one was there.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<unparseable URL>';
  }
  const query = parsed.search === '' ? '' : '?<redacted>';
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
}
