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

describe('the dashboard, live', () => {
  it('shows a customer a phone just pushed on the open customers page, with no reload', async () => {
    await page.goto('/customers');
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    const phone = await api().auth.devSignIn.mutate({ email: DEMO_EMAIL, deviceId: 'counter-phone-live' });
    // Let the page's subscription open before the push (it is opened once the page runs).
    await page.waitForTimeout(1_000);
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
    await other.goto('/customers');
    await other.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.goto('/customers');
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    // Past the stream's opening refresh (1 s after it opens), so only a poke can bring the row.
    await other.waitForTimeout(2_500);
    const name = `Other Tab ${Date.now()}`;

    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name }).waitFor();
    await other.getByText(name).first().waitFor({ timeout: 5_000 });
    await other.close();
  });
});
