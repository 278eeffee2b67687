import { createServer, type Server } from 'node:http';
import { DEMO_EMAIL } from '@storesync/api';
import { launchChromium } from '@storesync/test-support/chromium';
import { freePort } from '@storesync/test-support/ports';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NextServer, startNextServer } from './test/next-server';

// Issue 24 §4, against the production build (server.mjs) in headless Chromium: the security
// headers of pages, API answers, the sync door and /health; and a page on another origin
// (another port of 127.0.0.1) that can neither read nor change the signed-in owner's store
// through the dashboard's cookie, while a bearer token works from there.
let server: NextServer;
let browser: Browser;
let context: BrowserContext;
let dashboard: Page;
let elsewhere: Server;
let elsewhereBase: string;
let token: string;

beforeAll(async () => {
  // One trusted proxy hop, so X-Forwarded-Proto: https counts (HSTS).
  [server, browser] = await Promise.all([startNextServer({ TRUSTED_PROXY_HOPS: '1' }), launchChromium()]);
  const port = await freePort();
  elsewhereBase = `http://127.0.0.1:${port}`;
  elsewhere = createServer((_, res) => res.end('<!doctype html><title>Elsewhere</title><p>another site</p>'));
  await new Promise<void>((r) => elsewhere.listen(port, '127.0.0.1', r));
  context = await browser.newContext({ baseURL: server.base, locale: 'en-US' });
  dashboard = await context.newPage();
  const signIn = await fetch(`${server.base}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, deviceId: 'public-face-phone' }),
  });
  token = ((await signIn.json()) as { sessionToken: string }).sessionToken;
});
afterAll(async () => {
  await browser?.close();
  elsewhere?.close();
  server?.stop();
});

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': expect.stringMatching(/camera=\(\).*microphone=\(\).*geolocation=\(\)/),
};
const API = {
  ...SECURITY,
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};
const headersOf = (res: Response) => Object.fromEntries(res.headers.entries());
const bearer = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
const pullUrl = () => `${server.base}/sync/pull?cursor=0&limit=1`;

describe('security headers', () => {
  it('gives each page a policy with its own nonce, which the page’s scripts carry', async () => {
    const [a, b] = await Promise.all([fetch(`${server.base}/sign-in`), fetch(`${server.base}/sign-in`)]);
    expect(headersOf(a)).toMatchObject({ ...SECURITY, 'referrer-policy': 'strict-origin-when-cross-origin' });
    const csp = a.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(b.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
    const scripts = [...(await a.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(headersOf(a)).not.toHaveProperty('strict-transport-security');
  });

  it('gives a page that does not exist the same policy, and its scripts the nonce', async () => {
    const res = await fetch(`${server.base}/no-such-page`);
    expect(res.status).toBe(404);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('gives API answers, the sync door’s and /health the API set, HSTS only over HTTPS', async () => {
    const answers = {
      trpc: await fetch(`${server.base}/api/trpc/settings.get`, { headers: bearer() }),
      door: await fetch(pullUrl(), { headers: bearer() }),
      health: await fetch(`${server.base}/health`),
      refused: await fetch(`${server.base}/api/trpc/settings.get`),
    };
    for (const [name, res] of Object.entries(answers)) {
      expect({ name, ...headersOf(res) }).toMatchObject({ name, ...API });
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    expect(answers.trpc.status).toBe(200);
    expect(answers.door.status).toBe(200);
    expect(answers.refused.status).toBe(401);
    expect(answers.door.headers.get('access-control-allow-origin')).toBe('*');

    const https = { 'x-forwarded-proto': 'https' };
    for (const res of [
      await fetch(`${server.base}/sign-in`, { headers: https }),
      await fetch(`${server.base}/health`, { headers: https }),
      await fetch(pullUrl(), { headers: bearer(https) }),
    ]) {
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    }
  });
});

describe('another origin, in the browser where the owner is signed in', () => {
  /** The store's customers whose name has `search`, as a phone of the store reads them. */
  const customerNames = async (search: string) => {
    const input = encodeURIComponent(JSON.stringify({ search }));
    const res = await fetch(`${server.base}/api/trpc/customers.list?input=${input}`, { headers: bearer() });
    const body = (await res.json()) as { result: { data: { items: { name: string }[] } } };
    return body.result.data.items.map((c) => c.name);
  };

  it('can neither read nor change the store with the owner’s cookie', async () => {
    await dashboard.goto('/sign-in');
    await dashboard.getByRole('button', { name: 'Continue as demo store' }).click();
    await dashboard.waitForURL('**/overview');
    const cookie = (await context.cookies()).find((c) => c.name.includes('session-token'));
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.httpOnly).toBe(true);

    const page = await context.newPage();
    await page.goto(elsewhereBase);
    const tried = await page.evaluate(async (base) => {
      const attempt = (path: string, init: RequestInit = {}) =>
        fetch(`${base}${path}`, { credentials: 'include', ...init }).then(
          async (r) => `read ${r.status}: ${await r.text()}`,
          (e: Error) => `refused: ${e.name}`,
        );
      return {
        read: await attempt(`/api/trpc/customers.list?input=${encodeURIComponent('{}')}`),
        me: await attempt('/auth/me'),
        // A simple request (text/plain, no preflight): the browser sends it with the cookie and
        // only hides the answer, so the server itself must not act on it.
        blindPush: await attempt('/sync/push', {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({
            deviceId: 'web',
            events: [
              {
                eventUuid: crypto.randomUUID(),
                entity: 'customers',
                entityId: crypto.randomUUID(),
                op: 'upsert',
                payload: { name: 'Planted by a blind post' },
                clientUpdatedAt: new Date().toISOString(),
              },
            ],
          }),
        }),
        create: await attempt('/api/trpc/customers.create', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Planted by another site' }),
        }),
      };
    }, server.base);
    expect(tried).toMatchObject({
      read: 'refused: TypeError',
      me: 'refused: TypeError',
      create: 'refused: TypeError',
    });

    // Nothing happened to the store, as its owner sees it on the dashboard and a phone reads it.
    expect(await customerNames('Planted')).toEqual([]);
    await dashboard.goto('/customers');
    await dashboard.getByRole('heading', { name: 'Customers' }).waitFor();
    await dashboard.getByRole('searchbox').fill('Planted');
    await dashboard
      .getByText(/No customer matches/)
      .first()
      .waitFor();
    expect(await dashboard.getByText('Planted by another site').count()).toBe(0);

    // What the server saw: the cookie without a token from another origin is no one.
    const sessionCookie = `${cookie?.name}=${cookie?.value}`;
    const forged = await fetch(`${server.base}/api/trpc/customers.list?input=${encodeURIComponent('{}')}`, {
      headers: { cookie: sessionCookie, origin: elsewhereBase, 'sec-fetch-site': 'same-site' },
    });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('access-control-allow-origin')).toBeNull();
    // The same cookie from the dashboard's own page is the owner.
    const own = await fetch(`${server.base}/api/trpc/customers.list?input=${encodeURIComponent('{}')}`, {
      headers: { cookie: sessionCookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    await page.close();
  });

  it('works with a bearer token from that origin', async () => {
    const page = await context.newPage();
    await page.goto(elsewhereBase);
    const created = await page.evaluate(
      async ({ base, email }) => {
        const signIn = await fetch(`${base}/auth/dev-sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, deviceId: 'web-build-elsewhere' }),
        });
        const { sessionToken } = (await signIn.json()) as { sessionToken: string };
        const res = await fetch(`${base}/api/trpc/customers.create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionToken}` },
          body: JSON.stringify({ name: 'Added with a token' }),
        });
        return { status: res.status, body: await res.text() };
      },
      { base: server.base, email: DEMO_EMAIL },
    );
    expect(created.status).toBe(200);
    expect(created.body).toContain('Added with a token');
    expect(await customerNames('Added with')).toEqual(['Added with a token']);
    await page.close();
  });
});
