import { mkdirSync } from 'node:fs';
import { DEMO_EMAIL } from '@storesync/api';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, openDashboard } from './test/dashboard-session';

// A row's history on the dashboard, in headless Chromium against the production build: two
// phones edit one customer, and the history says who changed what, and which value stands.
let page: Page;
let api: ApiClient;

/** A phone of the demo store signed in under a name; it pushes upserts made `minutesAgo`. */
async function phone(deviceId: string, deviceName: string) {
  const s = await api().auth.devSignIn.mutate({ email: DEMO_EMAIL, deviceId, deviceName });
  return async (entity: string, entityId: string, payload: Record<string, unknown>, minutesAgo: number) => {
    const clientUpdatedAt = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const event = {
      eventUuid: crypto.randomUUID(),
      entity,
      entityId,
      op: 'upsert' as const,
      payload,
      clientUpdatedAt,
    };
    const { results } = await api(s.sessionToken).sync.push.mutate({ deviceId, events: [event] });
    expect(results[0]?.status).toBe('applied');
  };
}

beforeAll(async () => {
  const dash = await openDashboard({ signIn: true });
  ({ page, api } = dash);
  return dash.close;
});

describe('a row’s history', () => {
  it('shows two phones’ edits of a customer by device name, and which value stands', async () => {
    const amina = await phone('phone-amina', 'Amina’s phone');
    const till = await phone('till-tablet', 'Till tablet');
    const id = crypto.randomUUID();
    await amina('customers', id, { name: 'Wanjiru Njeri', phone: '+254 711 000 222' }, 60);
    await amina('customers', id, { name: 'Wanjiru N.', note: 'Pays on Fridays' }, 40);
    await till('customers', id, { name: 'Wanjiru Njeri Kamau' }, 30);
    const debt = crypto.randomUUID();
    await amina('debts', debt, { customerId: id, amount: 1_500, dueDate: '2026-12-15' }, 20);
    await till('debts', debt, { amount: 2_000 }, 10);

    await page.goto(`/customers/${id}`);
    await page.getByRole('heading', { name: 'Wanjiru Njeri Kamau' }).waitFor();
    await page.getByRole('button', { name: 'Change history' }).click();
    const dialog = page.getByRole('dialog');
    const entries = dialog.locator('.row-history__entry');
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.locator('.row-history__device').allTextContents()).toEqual([
      'Till tablet',
      'Amina’s phone',
      'Amina’s phone',
    ]);
    // The till's name is the one that stands; the phone's earlier name was overridden.
    expect(await entries.nth(0).locator('li').textContent()).toBe(
      'name Wanjiru N. → Wanjiru Njeri Kamaustands',
    );
    const phonesEdit = entries.nth(1).locator('li');
    expect(await phonesEdit.allTextContents()).toEqual([
      'name Wanjiru Njeri → Wanjiru N.overridden later',
      'note — → Pays on Fridaysstands',
    ]);
    expect(await phonesEdit.first().getAttribute('class')).toBe('row-history__overridden');
    const screens = new URL('../../../docs/screens/', import.meta.url).pathname;
    mkdirSync(screens, { recursive: true });
    await page.screenshot({ path: `${screens}history.png` });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^History of debt of/ }).click();
    const debtEntries = page
      .getByRole('dialog', { name: 'History of this debt' })
      .locator('.row-history__entry');
    await expect.poll(() => debtEntries.count()).toBe(2);
    expect(await debtEntries.first().textContent()).toMatch(
      /^Changed on Till tablet · .+amount \$15\.00 → \$20\.00stands$/,
    );
  });
});
