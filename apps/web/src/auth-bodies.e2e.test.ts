import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NextServer, startNextServer } from './test/next-server';

// next-auth answered 500 to a malformed JSON body (it calls `req.json()`), to a
// callbackUrl in the query or cookie that is no URL, and to a GET of the dev
// sign-in's callback; each is now a 4xx, and no request found here is a 5xx.
let server: NextServer;

beforeAll(async () => {
  server = await startNextServer();
});
afterAll(() => server?.stop());

const ROUTES = [
  '/api/auth/callback/dev',
  '/api/auth/signout',
  '/api/auth/signin/dev',
  '/api/auth/signin',
  '/api/auth/session',
  '/api/auth/_log',
  '/api/auth/csrf',
  '/api/auth/providers',
  '/api/auth/callback/google',
];
const post = (path: string, body: string, contentType = 'application/json', cookie = '') =>
  fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(cookie && { cookie }) },
    body,
    redirect: 'manual',
  });

const NOT_A_FORM = ['{oops', '', '[]', 'null', '1e400', '"x"', '{"callbackUrl":{}}', '{"csrfToken":["a"]}'];
const NASTY_FIELDS = [
  '{"callbackUrl":"\\u0000"}',
  '{"callbackUrl":"\\ud800","json":"true"}',
  '{"email":"a\\u0000@example.com","csrfToken":"\\udc00"}',
  `{"callbackUrl":"${'x'.repeat(100_000)}"}`,
];
const NASTY_FORMS = [
  'callbackUrl=%00',
  'callbackUrl=%ED%A0%80&json=true',
  'callbackUrl=abc',
  'callbackUrl=%2F%0D%0ASet-Cookie%3A%20x',
  'email=%00&csrfToken=%FF',
  '%',
  '&&==',
];
const NASTY_QUERIES = [...NASTY_FORMS, 'error=%00', 'error=%ED%A0%80', `callbackUrl=${'x'.repeat(8_000)}`];
const NASTY_COOKIES = [
  'next-auth.callback-url=%00',
  'next-auth.callback-url=%E2%82%AC',
  'next-auth.csrf-token=%00',
];

describe('next-auth routes', () => {
  it.each(['/api/auth/callback/dev', '/api/auth/signout'])(
    'answer malformed JSON posted to %s with 400, saying so',
    async (path) => {
      const res = await post(path, '{"csrfToken": "abc", oops');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'BAD_REQUEST', message: 'body: not valid JSON' },
      });
    },
  );

  it('answer a callbackUrl (query or cookie) that is no URL with 400, and take one that is', async () => {
    const get = (path: string, cookie = '') =>
      fetch(`${server.base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    for (const q of ['abc', '%00', '%E2%82%AC', 'javascript:alert(1)']) {
      expect((await get(`/api/auth/signin?callbackUrl=${q}`)).status, q).toBe(400);
    }
    expect((await get('/api/auth/session', 'next-auth.callback-url=%00')).status).toBe(400);
    expect((await get('/api/auth/callback/dev')).status).toBe(405);
    expect((await get('/api/auth/signin?callbackUrl=%2Fcustomers')).status).toBe(200);
    expect((await get('/api/auth/session', 'next-auth.callback-url=%2Fcustomers')).status).toBe(200);
  });

  it('answer a JSON body that is not a form of text fields with 400', async () => {
    for (const body of NOT_A_FORM) {
      const res = await post('/api/auth/callback/dev', body);
      expect(res.status, body).toBe(400);
    }
  });

  it('answer no body, JSON or form on any route with a 5xx', async () => {
    const faults: string[] = [];
    let sent = 0;
    for (const path of ROUTES) {
      const requests: [string, Promise<Response>][] = [
        ...[...NOT_A_FORM, ...NASTY_FIELDS].map((b): [string, Promise<Response>] => [b, post(path, b)]),
        ...NASTY_FORMS.map((b): [string, Promise<Response>] => [
          b,
          post(path, b, 'application/x-www-form-urlencoded'),
        ]),
        ['text/plain {oops', post(path, '{oops', 'text/plain')],
        ...NASTY_QUERIES.map((q): [string, Promise<Response>] => [
          `GET ?${q}`,
          fetch(`${server.base}${path}?${q}`, { redirect: 'manual' }),
        ]),
        ...NASTY_COOKIES.map((cookie): [string, Promise<Response>] => [
          `cookie ${cookie}`,
          fetch(`${server.base}${path}`, { headers: { cookie }, redirect: 'manual' }),
        ]),
      ];
      for (const [body, response] of requests) {
        sent += 1;
        const res = await response;
        if (res.status >= 500) faults.push(`${path} ${body.slice(0, 60)} → ${res.status}`);
      }
    }
    console.log(`next-auth: ${sent} requests sent, ${faults.length} answered 5xx`);
    expect(faults).toEqual([]);
  });

  it('still sign in with a well-formed form, as the dashboard posts it', async () => {
    const csrf = await fetch(`${server.base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const form = new URLSearchParams({ csrfToken, email: 'form@example.com', json: 'true' });
    const res = await post(
      '/api/auth/callback/dev',
      form.toString(),
      'application/x-www-form-urlencoded',
      cookie,
    );
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(true);
    const json = JSON.stringify({ csrfToken, email: 'json@example.com', json: 'true' });
    const viaJson = await post('/api/auth/callback/dev', json, 'application/json', cookie);
    expect(viaJson.status).toBe(200);
  });
});
