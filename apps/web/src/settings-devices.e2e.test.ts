import { mkdirSync } from 'node:fs';
import { DEMO_EMAIL } from '@storesync/api';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP } from './test/browser';
import { type ApiClient, openDashboard } from './test/dashboard-session';

// The owner's list of signed-in devices on the settings page, in headless
// Chromium against the production build: what it shows, and signing a phone,
// another browser and then everything out.
let page: Page;
let browser: Browser;
let api: ApiClient;

const signIn = (email: string, deviceId: string) => api().auth.devSignIn.mutate({ email, deviceId });
const refused = { data: { code: 'UNAUTHORIZED' } };

/** A browser of its own (its own cookies), signed in as the demo store. */
async function secondBrowser(base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', baseURL: base });
  const other = await context.newPage();
  await other.goto('/sign-in');
  await other.getByRole('button', { name: 'Continue as demo store' }).click();
  await other.waitForURL('**/overview');
  return other;
}

let base: string;
beforeAll(async () => {
  const dash = await openDashboard();
  ({ page, api, browser } = dash);
  base = dash.server.base;
  return dash.close;
});

describe('the settings page’s devices', () => {
  it('lists the store’s phones and browsers with when each was last seen, and signs them out', async () => {
    const counter = await signIn(DEMO_EMAIL, 'counter-phone');
    await api(counter.sessionToken).auth.me.query();
    // The counter phone found its book equal to the store's digest.
    await api(counter.sessionToken).sync.verified.mutate({ cursor: 0, repaired: [] });
    const till = await signIn(DEMO_EMAIL, 'till-tablet');
    await signIn('someone-else@example.com', 'other-shop-phone');

    await page.goto('/settings');
    await page.waitForURL('**/sign-in');
    await page.getByRole('button', { name: 'Continue as demo store' }).click();
    await page.waitForURL('**/overview');
    const other = await secondBrowser(base);

    await page.goto('/settings');
    const table = page.locator('.devices-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const counterRow = rows.filter({ hasText: 'counter-phone' });
    const tillRow = rows.filter({ hasText: 'till-tablet' });
    expect(await counterRow.getByRole('cell').nth(1).textContent()).toMatch(/\d{1,2}:\d{2}/);
    expect(await tillRow.getByRole('cell').nth(1).textContent()).toBe('Not yet');
    expect(await counterRow.getByRole('cell').nth(2).textContent()).toMatch(/\d{1,2}:\d{2}/);
    expect(await tillRow.getByRole('cell').nth(2).textContent()).toBe('Not yet');
    expect(await table.getByRole('columnheader', { name: 'Book checked' }).isVisible()).toBe(true);
    expect(await table.textContent()).not.toContain('other-shop-phone');
    // Both browsers are headless Chromium on Linux, each seen when it loaded a page's data.
    const browsers = rows.filter({ hasText: 'Chrome on Linux' });
    expect(await browsers.count()).toBe(2);
    const thisRow = browsers.filter({ hasText: 'This browser' });
    const otherRow = browsers.filter({ hasNotText: 'This browser' });
    expect(await thisRow.getByRole('cell').nth(1).textContent()).toMatch(/\d{1,2}:\d{2}/);
    expect(await thisRow.getByRole('button').count()).toBe(0);
    expect(await otherRow.getByText('Browser', { exact: true }).isVisible()).toBe(true);

    const screens = new URL('../../../docs/screens/', import.meta.url).pathname;
    mkdirSync(screens, { recursive: true });
    await page.locator('.devices-table').evaluate((t) => t.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${screens}settings-devices.png` });

    // A phone: its token is refused from then on.
    await page.getByRole('button', { name: 'Sign out till-tablet' }).click();
    await page.getByRole('button', { name: 'Sign out device' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await table.textContent()).not.toContain('till-tablet');
    await expect(api(till.sessionToken).auth.me.query()).rejects.toMatchObject(refused);
    expect((await api(counter.sessionToken).auth.me.query()).deviceId).toBe('counter-phone');

    // The other browser: its next step lands on the sign-in page, this one stays signed in.
    await page.getByRole('button', { name: 'Sign out Chrome on Linux' }).click();
    expect(await page.getByRole('dialog').textContent()).toContain(
      'Chrome on Linux will be signed out of this dashboard at once.',
    );
    await page.getByRole('button', { name: 'Sign out device' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await other.goto('/customers');
    await other.waitForURL('**/sign-in');
    expect(await other.getByRole('button', { name: 'Continue as demo store' }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await thisRow.count()).toBe(1);

    // Everywhere: the phone's token is refused, and this browser is at the sign-in page.
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL('**/sign-in');
    await expect(api(counter.sessionToken).auth.me.query()).rejects.toMatchObject(refused);
    await page.goto('/settings');
    await page.waitForURL('**/sign-in');
  });

  it('signing out in the header ends the session: a copy of its cookie taken before is refused', async () => {
    const leaving = await secondBrowser(base);
    const copied = await leaving.context().cookies();
    await leaving.getByRole('button', { name: 'Sign out', exact: true }).click();
    await leaving.waitForURL('**/sign-in');

    const replay = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', baseURL: base });
    await replay.addCookies(copied);
    const again = await replay.newPage();
    await again.goto('/overview');
    await again.waitForURL('**/sign-in');
    expect((await again.request.get('/api/trpc/auth.me')).status()).toBe(401);
    await replay.close();
  });
});
