import { type NextRequest, NextResponse } from 'next/server';
import { apiConfig, env } from '~/env';
import { HSTS, isApiPath, pageCsp, servedOverHttps } from '~/server/security-headers';

/**
 * Next.js's proxy (the former middleware) for the headers that depend on the request: each page
 * gets a Content-Security-Policy with a fresh nonce — set on the request too, where Next.js reads
 * it to put the nonce on its own scripts (pages are rendered per request, so each has its own) —
 * and HSTS when the request came over HTTPS. The fixed headers are next.config.ts's.
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers, apiConfig.trustedProxyHops);
  // The API's answers, and the public statement (/s/<token>), which sets its own strict policy.
  if (isApiPath(request.nextUrl.pathname) || request.nextUrl.pathname.startsWith('/s/')) {
    const res = NextResponse.next();
    if (https) res.headers.set(HSTS.key, HSTS.value);
    return res;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = pageCsp(nonce, { dev: env.NODE_ENV === 'development', https });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  if (https) res.headers.set(HSTS.key, HSTS.value);
  return res;
}

export const config = {
  // Not the build's static files (hashed, no HTML), nor prefetches (as Next.js's CSP guide says).
  matcher: [
    {
      source: '/((?!_next/static|_next/image|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
