import type { RequestContextOptions } from './context.ts';

/** The host a request was addressed to: the proxy's forwarded host when there is one, else Host. */
const hostOf = (req: Request): string =>
  req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ||
  req.headers.get('host') ||
  new URL(req.url).host;

/**
 * Whether a browser sent this request from a page of another origin. `Sec-Fetch-Site` when the
 * browser sends it ('same-site' counts: another port on the same host is another origin); else
 * an `Origin` naming another host. A request with neither (curl, a same-origin GET from an older
 * browser) is not cross-origin: only a browser attaches someone's cookie without being asked.
 */
export function isCrossOrigin(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.get('origin');
  if (origin === null) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== hostOf(req);
  } catch {
    return true;
  }
}

/**
 * The doors' options with the dashboard's cookie session honoured only for the dashboard's own
 * pages. A page on another origin can make the browser send the cookie (`credentials:
 * 'include'`, or a plain form post): ignoring it there means such a request is simply not
 * signed in, so it can neither read nor change a store. Bearer tokens are unaffected: a page
 * holding one was given it.
 */
export function withSameOriginWebAuth<T extends RequestContextOptions>(opts: T): T {
  const { webAuth } = opts;
  if (!webAuth) return opts;
  return { ...opts, webAuth: (req: Request) => (isCrossOrigin(req) ? Promise.resolve(null) : webAuth(req)) };
}
