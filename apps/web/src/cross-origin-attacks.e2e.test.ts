import { createServer, type Server } from 'node:http';
import { DEMO_EMAIL } from '@storesync/api';
import { freePort } from '@storesync/test-support/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardSession, openDashboard } from './test/dashboard-session';

// Issue 24 §4: a page on another origin (another port of 127.0.0.1: the same site, so the
// dashboard's SameSite=Lax cookie goes along) in the browser where the owner is signed in tries
// every way a page has to use that cookie on the dashboard's cookie-authorised procedures —
// fetch with credentials, a no-cors "simple" POST, a form posted into a frame, framing the
// dashboard — and can neither read an answer nor change the store.
let s: DashboardSession;
let attacker: Server;
let attackerBase: string;
let token: string;
let kept: { id: string };

/** The attacker's page: a form that posts a tRPC mutation's JSON body as text/plain into a frame. */
const attackerPage = (target: string) => `<!doctype html><title>Elsewhere</title>
<p>another site</p>
<iframe name="sink" title="sink"></iframe>
<form id="plant" method="POST" target="sink" enctype="text/plain"
  action="${target}/api/trpc/customers.create">
  <input type="hidden" name='{"name":"Planted by a form","pad":"' value='"}'>
</form>
<form id="plant-urlencoded" method="POST" target="sink"
  action="${target}/api/trpc/customers.create">
  <input type="hidden" name="name" value="Planted by an urlencoded form">
</form>
<form id="plant-multipart" method="POST" target="sink" enctype="multipart/form-data"
  action="${target}/api/trpc/customers.create">
  <input type="hidden" name="name" value="Planted by a multipart form">
</form>`;

beforeAll(async () => {
  s = await openDashboard({ signIn: true });
  const port = await freePort();
  attackerBase = `http://127.0.0.1:${port}`;
  attacker = createServer((req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(
      req.url === '/frame'
        ? `<iframe title="dashboard" src="${s.server.base}/overview"></iframe>`
        : attackerPage(s.server.base),
    );
  });
  await new Promise<void>((r) => attacker.listen(port, '127.0.0.1', r));
  const signIn = await fetch(`${s.server.base}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, deviceId: 'cross-origin-phone' }),
  });
  token = ((await signIn.json()) as { sessionToken: string }).sessionToken;
  // A customer without a balance, whom a delete would take away.
  kept = await s.api(token).customers.create.mutate({ name: 'Kept by the owner' });
}, 180_000);
afterAll(async () => {
  attacker?.close();
  // The attacker's frame refused by frame-ancestors is the policy at work, not a page of ours breaking it.
  const ours = s?.cspViolations.filter((v) => !/frame-ancestors/.test(v)) ?? [];
  s?.cspViolations.splice(0, s.cspViolations.length, ...ours);
  await s?.close();
});

/** The store's customers whose name has `search`, as a phone of the store reads them. */
const namesWith = async (search: string) =>
  (await s.api(token).customers.list.query({ search })).items.map((c) => c.name);

describe('a page on another origin, in the browser where the owner is signed in', () => {
  it('gets the dashboard’s pages with the security headers', async () => {
    const res = await s.page.goto('/overview');
    const headers = res?.headers() ?? {};
    expect(res?.status()).toBe(200);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': expect.stringMatching(/camera=\(\).*microphone=\(\).*geolocation=\(\)/),
    });
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "form-action 'self'",
      "base-uri 'self'",
    ])
      expect(csp).toContain(directive);
    expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(headers).not.toHaveProperty('strict-transport-security');
    expect(headers).not.toHaveProperty('access-control-allow-origin');
    // What the owner sees: their overview, signed in.
    await s.page.getByRole('heading', { name: 'Overview' }).waitFor();
  });

  it('cannot read a cookie-authorised query, nor run a mutation, with fetch', async () => {
    const page = await s.context.newPage();
    await page.goto(attackerBase);
    const tried = await page.evaluate(
      async ({ base, keptId }) => {
        const attempt = (path: string, init: RequestInit) =>
          fetch(`${base}${path}`, { credentials: 'include', ...init }).then(
            async (r) => `${r.type} ${r.status}: ${await r.text()}`,
            (e: Error) => `refused: ${e.name}`,
          );
        const json = (body: unknown): RequestInit => ({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        // No preflight for these: the browser sends them, cookie and all, and hides the answer.
        const simple = (body: unknown): RequestInit => ({
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify(body),
        });
        return {
          query: await attempt(`/api/trpc/customers.list?input=${encodeURIComponent('{}')}`, {}),
          settings: await attempt('/api/trpc/settings.get', {}),
          create: await attempt('/api/trpc/customers.create', json({ name: 'Planted by fetch' })),
          blindCreate: await attempt(
            '/api/trpc/customers.create',
            simple({ name: 'Planted by a blind post' }),
          ),
          blindDelete: await attempt('/api/trpc/customers.delete', simple({ id: keptId })),
          blindRead: await attempt(`/api/trpc/customers.list?input=${encodeURIComponent('{}')}`, {
            mode: 'no-cors',
          }),
        };
      },
      { base: s.server.base, keptId: kept.id },
    );
    expect(tried).toEqual({
      query: 'refused: TypeError',
      settings: 'refused: TypeError',
      create: 'refused: TypeError',
      // Opaque: no status, no body for the page.
      blindCreate: 'opaque 0: ',
      blindDelete: 'opaque 0: ',
      blindRead: 'opaque 0: ',
    });
    await page.close();
  });

  it('cannot change the store with a form, nor read what the form got', async () => {
    const page = await s.context.newPage();
    await page.goto(attackerBase);
    const statuses: Record<string, number> = {};
    for (const form of ['plant', 'plant-urlencoded', 'plant-multipart']) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/trpc/customers.create'));
      await page.evaluate((id) => (document.getElementById(id) as HTMLFormElement).submit(), form);
      statuses[form] = (await answered).status();
      // And the page that posted cannot look into what came back.
      const readable = await page.evaluate(() => {
        try {
          return (
            (document.querySelector('iframe') as HTMLIFrameElement).contentDocument?.body.textContent ?? null
          );
        } catch {
          return null;
        }
      });
      expect(readable).toBeNull();
    }
    // A text/plain or urlencoded body is no JSON tRPC takes (415). A multipart one it takes as
    // FormData, so that post reaches the procedure with the owner's cookie: the cookie from
    // another origin is no one (401).
    expect(statuses).toEqual({ plant: 415, 'plant-urlencoded': 415, 'plant-multipart': 401 });
    // The same post from the dashboard's own origin is the owner's, and only its input is refused.
    const cookies = (await s.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const body = new FormData();
    body.set('name', 'Planted by a multipart form');
    const own = await fetch(`${s.server.base}/api/trpc/customers.create`, {
      method: 'POST',
      headers: { cookie: cookies, 'sec-fetch-site': 'same-origin' },
      body,
    });
    expect(own.status).toBe(400);
    await page.close();
  });

  it('cannot frame the dashboard', async () => {
    const page = await s.context.newPage();
    const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.goto(`${attackerBase}/frame`);
    await refused;
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.getByRole('heading', { name: 'Overview' }).count()).toBe(0);
    await page.close();
  });

  it('left the store as it was, as the owner sees it and a phone reads it', async () => {
    expect(await namesWith('Planted')).toEqual([]);
    expect(await namesWith('Kept by the owner')).toEqual(['Kept by the owner']);
    await s.page.goto('/customers');
    await s.page.getByRole('heading', { name: 'Customers' }).waitFor();
    await s.page.getByRole('searchbox').fill('Planted');
    await s.page
      .getByText(/No customer matches/)
      .first()
      .waitFor();
    await s.page.getByRole('searchbox').fill('Kept by the owner');
    await s.page.getByText('Kept by the owner').first().waitFor();
  });
});
