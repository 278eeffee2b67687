import { mkdirSync } from 'node:fs';
import { DEMO_EMAIL } from '@storesync/api';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from './test/browser';
import { type ApiClient, openDashboard } from './test/dashboard-session';

// A customer's statement at /s/<token> (issue 22 §1), in headless Chromium against the
// production build: made on the dashboard or by a phone, opened in a fresh context without
// signing in, in the customer's language, revoked at once, and closed to guessing.

const screens = new URL('../../../docs/screens/', import.meta.url).pathname;
mkdirSync(screens, { recursive: true });
const token = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
const digits = (text: string | null) => (text ?? '').replace(/[^\d]/g, '');

let page: Page;
let browser: Browser;
let base: string;
let api: ApiClient;
const farah = crypto.randomUUID();
const amina = crypto.randomUUID();
const aminaToken = token();
const rivalToken = token();

const event = (entity: string, entityId: string, payload: Record<string, unknown>) => ({
  eventUuid: crypto.randomUUID(),
  entity,
  entityId,
  op: 'upsert' as const,
  payload,
  clientUpdatedAt: new Date().toISOString(),
});
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** The page as printed on A4: a real PDF (Chromium's print), and a picture of its content box. */
async function printA4(p: Page, name: string) {
  const pdf = await p.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await p.emulateMedia({ media: 'print' });
  await p.setViewportSize({ width: 703, height: 1070 });
  await p.screenshot({ path: `${screens}${name}.png` });
}

/** A page of a new context: no cookie, no session, as the customer opens the link. */
async function freshPage(viewport = PHONE, locale = 'en-US') {
  const context = await browser.newContext({ viewport, locale, baseURL: base });
  return { context, page: await context.newPage() };
}

beforeAll(async () => {
  const dash = await openDashboard({ signIn: true });
  ({ page, browser, api } = dash);
  base = dash.server.base;
  // A phone of the demo store records two customers; one link is made on the phone (its own token).
  const session = await api().auth.devSignIn.mutate({ email: DEMO_EMAIL, deviceId: 'statement-phone' });
  const phone = api(session.sessionToken);
  const { results } = await phone.sync.push.mutate({
    deviceId: 'statement-phone',
    events: [
      event('customers', farah, { name: 'Farah Khan', language: 'ur' }),
      event('debts', crypto.randomUUID(), { customerId: farah, amount: 250_000, dueDate: '2026-01-15' }),
      event('sales', crypto.randomUUID(), {
        customerId: farah,
        items: [{ name: 'Atta 10kg', quantity: 2, unitPrice: 60_000 }],
        total: 120_000,
        paidAmount: 20_000,
        soldAt: new Date().toISOString(),
      }),
      event('payments', crypto.randomUUID(), {
        customerId: farah,
        amount: 50_000,
        paidAt: new Date().toISOString(),
      }),
      event('customers', amina, { name: 'Amina Wanjiru', language: 'sw' }),
      event('debts', crypto.randomUUID(), { customerId: amina, amount: 80_000 }),
      event('links', crypto.randomUUID(), { customerId: amina, token: aminaToken, expiresAt: inDays(60) }),
    ],
  });
  for (const r of results) expect(r.status, JSON.stringify(r.error)).toBe('applied');
  // Another store, with its own customer and link.
  const rivalSession = await api().auth.devSignIn.mutate({
    email: 'rival-shop@example.com',
    deviceId: 'rival',
  });
  const rivalCustomer = crypto.randomUUID();
  await api(rivalSession.sessionToken).sync.push.mutate({
    deviceId: 'rival',
    events: [
      event('customers', rivalCustomer, { name: 'Rival Customer' }),
      event('debts', crypto.randomUUID(), {
        customerId: rivalCustomer,
        amount: 4_444_400,
        dueDate: '2026-02-01',
        recordedAt: '2026-01-02T10:00:00.000Z',
        note: 'School fees advance',
      }),
      event('sales', crypto.randomUUID(), {
        customerId: rivalCustomer,
        items: [
          { name: 'Maize flour 2kg', quantity: 3, unitPrice: 15_000 },
          { name: 'Cooking oil 1L', quantity: 1, unitPrice: 31_000 },
        ],
        total: 76_000,
        paidAmount: 46_000,
        soldAt: '2026-03-04T10:00:00.000Z',
      }),
      event('payments', crypto.randomUUID(), {
        customerId: rivalCustomer,
        amount: 1_000_000,
        paidAt: '2026-04-05T10:00:00.000Z',
      }),
      event('links', crypto.randomUUID(), {
        customerId: rivalCustomer,
        token: rivalToken,
        expiresAt: inDays(60),
      }),
    ],
  });
  return dash.close;
});

describe('the statement link', () => {
  let farahToken = '';

  it('is made on the dashboard and opens without signing in, with the dashboard’s owed amount, right to left in Urdu', async () => {
    await page.goto(`/customers/${farah}`);
    const owed = await page.getByTestId('balance').textContent();
    await page.getByRole('button', { name: 'New link' }).click();
    const link = page.getByTestId('statement-link').first();
    await link.waitFor();
    await link.getByText('Never opened').waitFor();
    farahToken = (await link.getByRole('link').getAttribute('href'))?.replace('/s/', '') ?? '';
    expect(farahToken).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const fresh = await freshPage();
    const res = await fresh.page.goto(`/s/${farahToken}`);
    expect(res?.status()).toBe(200);
    const headers = res?.headers() ?? {};
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
    expect(headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toBe('private, no-store');
    expect(headers['set-cookie']).toBeUndefined();
    // Served by Node's own door (sync-door.ts), gzipped once per page, not by Next.js per viewer.
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('Accept-Encoding');
    expect(headers['access-control-allow-origin']).toBeUndefined();
    expect(await fresh.context.cookies()).toEqual([]);
    expect(await fresh.page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');

    expect(await fresh.page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await fresh.page.locator('html').getAttribute('lang')).toBe('ur');
    await fresh.page.getByRole('heading', { name: /Farah Khan\u2069? کا کھاتہ/ }).waitFor();
    const shown = await fresh.page.locator('[data-owed]').textContent();
    expect(digits(shown)).toBe(digits(owed));
    // The style is the page's own: it rendered (the hash allowed it), and nothing was refused.
    expect(await fresh.page.locator('header').evaluate((e) => getComputedStyle(e).borderBottomStyle)).toBe(
      'solid',
    );
    await fresh.page.screenshot({ path: `${screens}statement-ur-390.png`, fullPage: true });
    await printA4(fresh.page, 'statement-ur-a4-print');
    await fresh.context.close();

    // The dashboard sees it opened (lastOpenedAt, written by the server).
    await page.reload();
    await page
      .getByTestId('statement-link')
      .first()
      .getByText(/^Last opened/)
      .waitFor();
    await page
      .getByRole('region', { name: 'Statement links' })
      .screenshot({ path: `${screens}statement-links-panel.png` });
    await page.screenshot({ path: `${screens}statement-links-customer.png`, fullPage: false });
  });

  it('made on a phone, works once synced, in the customer’s language (Swahili) whatever the browser’s', async () => {
    const fresh = await freshPage(PHONE, 'ur-PK');
    const res = await fresh.page.goto(`/s/${aminaToken}`);
    expect(res?.status()).toBe(200);
    await fresh.page.getByRole('heading', { name: 'Taarifa ya Amina Wanjiru' }).waitFor();
    expect(await fresh.page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(digits(await fresh.page.locator('[data-owed]').textContent())).toBe('80000');
    await fresh.context.close();
  });

  it('follows the language chosen on the dashboard’s customer form', async () => {
    await page.goto(`/customers/${amina}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    expect(await page.getByLabel('Customer’s language').inputValue()).toBe('sw');
    await page.getByLabel('Customer’s language').selectOption('fr');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(async () => (await fetch(`${base}/s/${aminaToken}`)).text(), { timeout: 5_000 })
      .toContain('Relevé de Amina Wanjiru');
  });

  it('shows another store’s customer only, never this store’s', async () => {
    const fresh = await freshPage();
    await fresh.page.goto(`/s/${rivalToken}`);
    await fresh.page.getByRole('heading', { name: 'Statement for Rival Customer' }).waitFor();
    const text = (await fresh.page.locator('body').textContent()) ?? '';
    for (const other of ['Farah', 'Amina', '2,500', '800']) expect(text).not.toContain(other);
    expect(digits(await fresh.page.locator('[data-owed]').textContent())).toBe('3474400');
    await fresh.page.getByText('$34,444.00 overdue since Feb 1, 2026').waitFor();
    await fresh.page.screenshot({ path: `${screens}statement-en-390.png`, fullPage: true });
    await printA4(fresh.page, 'statement-en-a4-print');
    await fresh.context.close();
  });

  it('revoked on the dashboard, answers 404 within a second, as an unknown token does', async () => {
    await page.goto(`/customers/${farah}`);
    const link = page.getByTestId('statement-link').first();
    await link.waitFor();
    const revokedAt = performance.now();
    await link.getByRole('button', { name: 'Revoke' }).click();
    let status = 0;
    while (status !== 404 && performance.now() - revokedAt < 5_000) {
      status = (await fetch(`${base}/s/${farahToken}`)).status;
    }
    expect(status).toBe(404);
    expect(performance.now() - revokedAt).toBeLessThan(1_000);
    await page.getByText('No live links.').waitFor();
    const [revoked, unknown] = await Promise.all(
      [farahToken, token()].map((t) => fetch(`${base}/s/${t}`, { headers: { 'accept-language': 'en' } })),
    );
    expect(revoked?.status).toBe(404);
    expect(revoked?.headers.get('cache-control')).toBe('private, no-store');
    expect(await revoked?.text()).toBe(await unknown?.text());
  });

  it('answers 1,000 random tokens with 404, then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let batch = 0; batch < 50; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${base}/s/${token()}`, { redirect: 'manual' })),
      );
      for (const a of answers) {
        statuses.push(a.status);
        if (a.status === 429) retryAfter = a.headers.get('retry-after');
        await a.body?.cancel();
      }
    }
    expect(new Set(statuses)).toEqual(new Set([404, 429]));
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(statuses.slice(0, first429).every((s) => s === 404)).toBe(true);
    // 100 a minute per address (fixed minute windows, so the run may straddle two), each process
    // holding back up to 4 hits: at most 2 × 104 answered, the rest refused.
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(208);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(792);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
