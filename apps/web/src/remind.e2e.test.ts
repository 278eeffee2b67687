import { mkdirSync } from 'node:fs';
import { DEMO_EMAIL } from '@storesync/api';
import { SETTINGS_ID } from '@storesync/schema';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, openDashboard } from './test/dashboard-session';

// Remind from the dashboard (issue 22 §2), in headless Chromium against the production build:
// the customer form stores the number as E.164 in the store's country, Remind composes the
// message in the customer's language with their statement link, WhatsApp opens at wa.me with it
// (captured: window.open is what the page asks the browser to open), and the reminder row is
// pulled by a phone of the store and shown in the customer's history.

const screens = new URL('../../../docs/screens/', import.meta.url).pathname;
mkdirSync(screens, { recursive: true });

let page: Page;
let api: ApiClient;
let phoneToken = '';

const event = (entity: string, entityId: string, payload: Record<string, unknown>) => ({
  eventUuid: crypto.randomUUID(),
  entity,
  entityId,
  op: 'upsert' as const,
  payload,
  clientUpdatedAt: new Date().toISOString(),
});

beforeAll(async () => {
  const dash = await openDashboard({ signIn: true });
  ({ page, api } = dash);
  await page.addInitScript(() => {
    const w = window as unknown as { opened: string[] };
    w.opened = [];
    window.open = (url?: string | URL) => {
      w.opened.push(String(url));
      return null;
    };
  });
  const session = await api().auth.devSignIn.mutate({ email: DEMO_EMAIL, deviceId: 'remind-phone' });
  phoneToken = session.sessionToken;
  const settings = event('settings', SETTINGS_ID, {
    country: 'KE',
    currency: 'KES',
    shopName: 'Duka la Baraka',
  });
  const { results } = await api(phoneToken).sync.push.mutate({
    deviceId: 'remind-phone',
    events: [settings],
  });
  for (const r of results) expect(r.status, JSON.stringify(r.error)).toBe('applied');
  expect(await api(phoneToken).reminders.country.query()).toEqual({ country: 'KE' });
  return dash.close;
});

describe('Remind on the dashboard', () => {
  it('stores a typed number as E.164, refuses one that is not a number, and opens WhatsApp with the reminder, recorded as a row', async () => {
    await page.goto('/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Wanjiku Remind');
    await dialog.getByLabel('Phone').fill('12345');
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    await dialog.getByText(/^Not a phone number of Kenya/).waitFor();
    await dialog.getByLabel('Phone').fill('0712 345 678');
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name: 'Wanjiku Remind' }).waitFor();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1) ?? '';
    await page.getByText('+254712345678').first().waitFor();

    const debt = event('debts', crypto.randomUUID(), { customerId: id, amount: 125_000 });
    await api(phoneToken).sync.push.mutate({ deviceId: 'remind-phone', events: [debt] });
    await page.reload();
    const owed = (await page.getByTestId('balance').textContent()) ?? '';
    expect(owed).toMatch(/1,250\.00/);

    await page.getByRole('button', { name: 'Remind' }).click();
    const text = (await page.getByTestId('reminder-text').textContent()) ?? '';
    // The dashboard's own amounts are in its locale (en-US: KES); the message is in the customer's (en-KE: Ksh).
    const digits = (t: string) => t.replace(/[^\d.,]/g, '');
    expect(text).toMatch(new RegExp(`Ksh\\s?${digits(owed).replace(/\./g, '\\.')}`));
    expect(text).toContain('Duka la Baraka');
    const token = text.match(/\/s\/([A-Za-z0-9_-]{22})/)?.[1];
    expect(token).toBeDefined();
    await page.getByRole('button', { name: 'WhatsApp' }).click();
    await page
      .getByRole('status')
      .getByText(/Reminder on WhatsApp/)
      .waitFor();
    await page
      .locator('.timeline')
      .getByText(/Reminder on WhatsApp · .*1,250\.00 owed/)
      .waitFor();
    await page.screenshot({ path: `${screens}dashboard-remind.png` });

    const [url] = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
    const wa = new URL(String(url));
    expect(wa.origin + wa.pathname).toBe('https://wa.me/254712345678');
    expect(wa.searchParams.get('text')).toBe(text);

    const pulled = await api(phoneToken).sync.pull.query({ cursor: 0 });
    const link = pulled.events.find((e) => e.entity === 'links' && e.row?.customerId === id);
    expect(link?.row).toMatchObject({ token });
    const reminder = pulled.events.find((e) => e.entity === 'reminders');
    expect(reminder?.row).toMatchObject({
      customerId: id,
      channel: 'whatsapp',
      amount: 125_000,
      linkId: link?.entityId,
    });
  });
});
