/**
 * The key under which an article's link counts once per unit: lower-case host without "www.",
 * the path without a trailing slash, the query without tracking parameters (utm_*, fbclid,
 * gclid, zarsrc…) and sorted, no fragment, no scheme (http and https are the same article).
 * Pure; the input is a link the engine already accepted (http/https with a host).
 */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|zarsrc|_hsenc|_hsmi|mc_cid|mc_eid|igshid|ref_src)$/i;

export function urlKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim().toLowerCase();
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
  const port = parsed.port ? `:${parsed.port}` : "";
  const path = parsed.pathname.replace(/\/+$/, "");
  const params = [...parsed.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : "";
  return `${host}${port}${path}${query}`;
}
