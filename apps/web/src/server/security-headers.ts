/**
 * The security headers of every answer (pages, API, the sync door), in one place: next.config.ts
 * sends the fixed ones, proxy.ts the pages' Content-Security-Policy (a nonce per request) and
 * HSTS, sync-door.ts the API's set on the answers it writes itself.
 */
type HeaderList = ReadonlyArray<{ key: string; value: string }>;

/** On every answer: no MIME sniffing, no framing, no powerful features. */
export const COMMON_HEADERS: HeaderList = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // frame-ancestors 'none' is the CSP way; X-Frame-Options is for browsers without it.
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  },
];

/** Pages: links to other sites carry only our origin. */
export const PAGE_HEADERS: HeaderList = [
  ...COMMON_HEADERS,
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

/** API answers are data, never a document: nothing may load or frame them, nothing is referred. */
export const API_HEADERS: HeaderList = [
  ...COMMON_HEADERS,
  { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
  { key: 'Referrer-Policy', value: 'no-referrer' },
];

/** The paths whose answers are the API's (route handlers, the sync door), not pages. */
export const API_PATHS = ['/api/', '/sync/', '/auth/', '/health', '/ready', '/metrics', '/openapi.json'];

export const isApiPath = (pathname: string) =>
  API_PATHS.some((p) => (p.endsWith('/') ? pathname.startsWith(p) : pathname === p));

/**
 * The pages' policy: scripts only with this request's nonce (Next.js puts it on its own
 * scripts, and 'strict-dynamic' lets them load the chunks they import). Styles allow inline:
 * server-rendered style attributes (the charts') cannot carry a nonce, and a style cannot run
 * code. `next dev` needs eval for its refresh runtime.
 */
export function pageCsp(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Two years, the preload list's minimum; only ever sent on an answer that went over HTTPS. */
export const HSTS = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

/**
 * Whether the request reached us over HTTPS. The app itself speaks plain HTTP, so only a TLS proxy
 * can say so, and only a proxy we were told to trust (TRUSTED_PROXY_HOPS > 0): otherwise
 * X-Forwarded-Proto is the client's own word.
 */
export function servedOverHttps(headers: Pick<Headers, 'get'>, trustedProxyHops: number): boolean {
  if (trustedProxyHops <= 0) return false;
  // The nearest proxy's word: the last value when several were appended.
  const proto = headers.get('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase();
  return proto === 'https';
}
