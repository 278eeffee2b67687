/**
 * The caller's address as the nearest trusted proxy saw it: with `trustedProxyHops` proxies in
 * front of the app, each appending to `X-Forwarded-For`, the entry that many hops from the
 * right. With none (0, the default), the header is the client's own word (Next.js fills it only
 * when absent) and is ignored: the address is unknown (null).
 */
export function clientAddressOf(headers: Headers, trustedProxyHops: number): string | null {
  if (trustedProxyHops < 1) return null;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedProxyHops)] ?? null;
}
