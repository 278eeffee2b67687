/** The dev sign-in's next-auth provider id (a credentials provider). */
export const DEV_PROVIDER_ID = 'dev';

const MAX_URL_LENGTH = 2048;

/**
 * Whether next-auth can take this as a `callbackUrl`: it writes it into a
 * cookie and a `Location` header, and answers anything that is not an http(s)
 * URL or a path with a 500 ("server configuration"). A real URL is printable
 * ASCII (anything else is percent-encoded) and short.
 */
export function isCallbackUrl(url: string): boolean {
  if (url.length > MAX_URL_LENGTH || !/^[\x21-\x7e]*$/.test(url)) return false;
  if (url.startsWith('/')) return URL.canParse(url, 'http://localhost');
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

/** Where to send the browser after sign-in or sign-out: a URL of this site, else its home. */
export function safeRedirect(url: string, baseUrl: string): string {
  if (!isCallbackUrl(url)) return baseUrl;
  if (url.startsWith('/')) return `${baseUrl}${url}`;
  return new URL(url).origin === baseUrl ? url : baseUrl;
}

const badRequest = (message: string, status = 400) =>
  Response.json(
    { error: { code: status === 405 ? 'METHOD_NOT_SUPPORTED' : 'BAD_REQUEST', message } },
    { status },
  );

/** The `next-auth.callback-url` cookie (`__Secure-` on https), decoded as next-auth decodes it. */
function callbackUrlCookie(req: Request): string | null {
  for (const pair of (req.headers.get('cookie') ?? '').split(';')) {
    const [name = '', ...rest] = pair.trim().split('=');
    if (name !== 'next-auth.callback-url' && name !== '__Secure-next-auth.callback-url') continue;
    const raw = rest.join('=');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/** Whether a JSON body is what next-auth's routes take: form fields, all text. */
async function isJsonForm(req: Request): Promise<boolean | 'malformed'> {
  let body: unknown;
  try {
    body = JSON.parse(await req.clone().text());
  } catch {
    return 'malformed';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  return Object.values(body).every((v) => typeof v === 'string');
}

/**
 * A 4xx for a request next-auth would answer with a 500, or null to let it
 * through: a malformed JSON body (next-auth calls `req.json()`), JSON that is
 * not form fields, a `callbackUrl` query or cookie that is no URL, and a GET
 * to the dev sign-in's callback (credentials are only ever POSTed).
 */
export async function refuseUnreadableAuthRequest(
  req: Request,
  route: readonly string[],
): Promise<Response | null> {
  const [action, provider] = route;
  if (action === 'callback' && provider === DEV_PROVIDER_ID && req.method !== 'POST') {
    return badRequest('sign-in credentials are taken by POST only', 405);
  }
  const query = new URL(req.url).searchParams.get('callbackUrl');
  if (query && !isCallbackUrl(query)) return badRequest('callbackUrl: must be a URL or a path of this site');
  const cookie = callbackUrlCookie(req);
  if (cookie && !isCallbackUrl(cookie)) return badRequest('next-auth.callback-url cookie: must be a URL');
  if (req.method === 'POST' && req.headers.get('content-type')?.includes('application/json')) {
    const form = await isJsonForm(req);
    if (form === 'malformed') return badRequest('body: not valid JSON');
    if (!form) return badRequest('body: must be an object of text fields');
  }
  return null;
}
