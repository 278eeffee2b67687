import { mkdirSync } from 'node:fs';
import { DEMO_EMAIL } from '@storesync/api';
import { SETTINGS_ID } from '@storesync/schema';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, openDashboard } from './test/dashboard-session';

// The store's settings on the dashboard, in headless Chromium against the
// production build: set once there, used by every amount, pulled by a phone,
// and changed back by a phone.
let page: Page;
let api: ApiClient;

beforeAll(async () => {
  const dash = await openDashboard();
  ({ page, api } = dash);
  return dash.close;
});

const firstStat = () => page.locator('.stat').first().textContent();

describe('the store settings on the dashboard', () => {
  it('sets the store’s currency and name once, for every amount and every device', async () => {
    await page.goto('/overview');
    await page.waitForURL('**/sign-in');
    await page.getByRole('button', { name: 'Continue as demo store' }).click();
    await page.waitForURL('**/overview');
    // Nothing set: the browser's locale (en-US) suggests dollars.
    await expect.poll(firstStat).toContain('$');

    await page.goto('/settings');
    await page.getByText('Not set yet: your browser’s language suggests USD').waitFor();
    await page.getByLabel('Currency').selectOption('KES');
    await page.getByLabel('Shop name').fill('Duka la Amina');
    await page.getByText('Amounts show as KES 1,234.56').waitFor();
    // Retired currencies are not offered.
    expect(await page.locator('option[value="HRK"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved for every device of the store.').waitFor();
    await page.getByText('Every phone and browser of the store uses it.').waitFor();

    const screens = new URL('../../../docs/screens/', import.meta.url).pathname;
    mkdirSync(screens, { recursive: true });
    await page.screenshot({ path: `${screens}settings-store.png` });

    await page.goto('/overview');
    await expect.poll(firstStat).toContain('KES');
    expect(await firstStat()).not.toContain('$');

    // A phone of the store pulls the setting…
    const session = await api().auth.devSignIn.mutate({ email: DEMO_EMAIL, deviceId: 'amina-phone' });
    const phone = api(session.sessionToken);
    let cursor = 0;
    let settings: Record<string, unknown> | undefined;
    for (;;) {
      const pulled = await phone.sync.pull.query({ cursor, limit: 500 });
      settings = pulled.events.findLast((e) => e.entity === 'settings')?.row ?? settings;
      cursor = pulled.cursor;
      if (!pulled.hasMore) break;
    }
    expect(settings).toMatchObject({ id: SETTINGS_ID, currency: 'KES', shopName: 'Duka la Amina' });

    // …and a change it pushes is what the dashboard shows next.
    await phone.sync.push.mutate({
      deviceId: 'amina-phone',
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'settings',
          entityId: SETTINGS_ID,
          op: 'upsert',
          payload: { currency: 'TZS' },
          clientUpdatedAt: new Date().toISOString(),
        },
      ],
    });
    await page.reload();
    await expect.poll(firstStat).toContain('TZS');
    await page.goto('/settings');
    expect(await page.getByLabel('Currency').inputValue()).toBe('TZS');
    expect(await page.getByLabel('Shop name').inputValue()).toBe('Duka la Amina');
  });
});
