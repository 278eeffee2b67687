/**
 * The socket's peer address, as `apps/web/server.mjs` writes it over whatever the client sent:
 * the caller's own address when no proxy stands in front of the app.
 */
export const PEER_HEADER = 'x-storesync-peer';

/**
 * The caller's address as the nearest trusted proxy saw it: with `trustedProxyHops` proxies in
 * front of the app, each appending to `X-Forwarded-For`, the entry that many hops from the
 * right. With none (0, the default), `X-Forwarded-For` is the client's own word and is ignored:
 * the address is the socket's peer (`PEER_HEADER`), unknown (null) where nothing sets it
 * (`next dev`).
 */
export function clientAddressOf(headers: Pick<Headers, 'get'>, trustedProxyHops: number): string | null {
  if (trustedProxyHops < 1) return headers.get(PEER_HEADER) || null;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedProxyHops)] ?? null;
}
