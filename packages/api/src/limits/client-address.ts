/**
 * The caller's address as the nearest trusted proxy saw it: the entry of
 * `X-Forwarded-For` that many hops from the right (Next itself only fills the
 * header when absent, so with no proxy in front, the header is the client's
 * word: the per-account limits still hold then). Null when unknown.
 */
export function clientAddressOf(headers: Headers, trustedProxyHops: number): string | null {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - Math.max(1, trustedProxyHops))] ?? null;
}
