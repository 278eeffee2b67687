import { mkdirSync } from 'node:fs';
import { DEMO_EMAIL } from '@storesync/api';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, openDashboard } from './test/dashboard-session';

// The owner's list of signed-in devices on the settings page, in headless
// Chromium against the production build: what it shows, and signing one out.
let page: Page;
let api: ApiClient;

const signIn = (email: string, deviceId: string) => api().auth.devSignIn.mutate({ email, deviceId });

beforeAll(async () => {
  const dash = await openDashboard();
  ({ page, api } = dash);
  return dash.close;
});

describe('the settings page’s devices', () => {
  it('lists the store’s devices with when each was last seen, and signs one out', async () => {
    const counter = await signIn(DEMO_EMAIL, 'counter-phone');
    await api(counter.sessionToken).auth.me.query();
    const till = await signIn(DEMO_EMAIL, 'till-tablet');
    await signIn('someone-else@example.com', 'other-shop-phone');

    await page.goto('/settings');
    await page.waitForURL('**/sign-in');
    await page.getByRole('button', { name: 'Continue as demo store' }).click();
    await page.waitForURL('**/overview');
    await page.goto('/settings');
    const table = page.locator('.devices-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const counterRow = rows.filter({ hasText: 'counter-phone' });
    const tillRow = rows.filter({ hasText: 'till-tablet' });
    expect(await counterRow.getByRole('cell').nth(1).textContent()).toMatch(/\d{1,2}:\d{2}/);
    expect(await tillRow.getByRole('cell').nth(1).textContent()).toBe('Not yet');
    expect(await table.textContent()).not.toContain('other-shop-phone');

    const screens = new URL('../../../docs/screens/', import.meta.url).pathname;
    mkdirSync(screens, { recursive: true });
    await page.screenshot({ path: `${screens}settings-devices.png` });

    await page.getByRole('button', { name: 'Sign out till-tablet' }).click();
    await page.getByRole('button', { name: 'Sign out device' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('counter-phone');
    await expect(api(till.sessionToken).auth.me.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    expect((await api(counter.sessionToken).auth.me.query()).deviceId).toBe('counter-phone');
  });
});
