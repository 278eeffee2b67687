import { DEMO_EMAIL } from '@storesync/api';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, openDashboard } from './test/dashboard-session';

// The dashboard holds the store's live subscription: a phone's push shows on an open
// page without a reload, in headless Chromium against the production build.
let page: Page;
let api: ApiClient;
let context: BrowserContext;

beforeAll(async () => {
  const dash = await openDashboard({ signIn: true });
  ({ page, api, context } = dash);
  return dash.close;
});

/**
 * Resolves once the page's live stream is open and the refresh it makes on opening has fetched the
 * customer list again: from then on only a poke brings a new row. Call before the page loads.
 */
const streamOpened = (p: Page) =>
  p
    .waitForResponse((r) => r.url().includes('/api/trpc/sync.live'))
    .then(() => p.waitForResponse((r) => r.url().includes('customers.list')));

/** The names in the page's customer table. */
const namesShown = async (p: Page) => (await p.locator('.customer-table').first().textContent()) ?? '';

describe('the dashboard, live', () => {
  it('shows a customer a phone just pushed on the open customers page, with no reload', async () => {
    const opened = streamOpened(page);
    await page.goto('/customers');
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    const phone = await api().auth.devSignIn.mutate({ email: DEMO_EMAIL, deviceId: 'counter-phone-live' });
    await opened;
    const name = `Live Customer ${Date.now()}`;
    expect(await page.getByText(name).count()).toBe(0);

    const now = new Date().toISOString();
    const pushed = await api(phone.sessionToken).sync.push.mutate({
      deviceId: 'counter-phone-live',
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'customers',
          entityId: crypto.randomUUID(),
          op: 'upsert',
          payload: { name, phone: null, note: null },
          clientUpdatedAt: now,
        },
      ],
    });
    expect(pushed.results[0]?.status).toBe('applied');
    // The page's queries are fresh for 5 s and never refetch on their own while it stays in view.
    await page.getByText(name).first().waitFor({ timeout: 5_000 });
  });

  it('shows a customer added in another tab of the same sign-in, with no reload', async () => {
    // Both tabs are one session, so one device id: the server must poke the dashboard for its own writes.
    const other = await context.newPage();
    const opened = streamOpened(other);
    await other.goto('/customers');
    await other.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.goto('/customers');
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await opened;
    const name = `Other Tab ${Date.now()}`;
    expect(await namesShown(other)).not.toContain(name);

    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name }).waitFor();
    // The other tab lists the new customer, with nothing owed, without a reload.
    await expect.poll(() => namesShown(other), { timeout: 5_000 }).toContain(name);
    const row = other.locator('.customer-table tr', { hasText: name });
    expect(await row.first().textContent()).toMatch(/\$0\.00/);
    await other.close();
  });
});
