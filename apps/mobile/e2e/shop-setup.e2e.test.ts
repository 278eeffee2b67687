import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone } from './phone';
import { type PhoneRig, startRig, stopRig } from './rig';
import { signInTool } from './seed-book';
import type { SyncServer } from './sync-server';

const DOCS = fileURLToPath(new URL('../../../docs/mobile/', import.meta.url));
const EMAIL = 'first.run@example.com';
const farmer = '👩🏽‍🌾';

let server: SyncServer;
let app: PhoneRig['app'];
let browser: Browser;

beforeAll(async () => {
  ({ server, app, browser } = await startRig());
});
afterAll(() => stopRig({ server, app, browser }));

/** Signs in by hand: the first run's setup, not "Who owes most", may be what comes next. */
async function signInByHand(phone: Phone) {
  await phone.page.getByLabel('Email').fill(EMAIL);
  await phone.page.getByRole('button', { name: 'Continue' }).click();
}

/** One session of a tool for the store (each sign-in counts against the server's limits). */
let tool: Promise<{ token: string }> | undefined;
async function toolToken() {
  tool ??= signInTool(server.url, EMAIL);
  return (await tool).token;
}

/** Every row the server holds for the store, as a second device pulls them: the last of each id. */
async function serverRows(entity: string): Promise<Record<string, unknown>[]> {
  const token = await toolToken();
  const rows = new Map<string, Record<string, unknown>>();
  for (let cursor = 0; ; ) {
    const page = (await fetch(`${server.url}/sync/pull?cursor=${cursor}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json())) as {
      events: { entity: string; entityId: string; row: Record<string, unknown> }[];
      cursor: number;
      hasMore: boolean;
    };
    for (const e of page.events) if (e.entity === entity) rows.set(e.entityId, e.row);
    cursor = page.cursor;
    if (!page.hasMore) return [...rows.values()];
  }
}

/** The store's settings as the server holds them: the dashboard's read, and the synced row. */
async function serverSettings() {
  const res = await fetch(`${server.url}/api/trpc/settings.get`, {
    headers: { authorization: `Bearer ${await toolToken()}` },
  });
  const dashboard = ((await res.json()) as { result: { data: unknown } }).result.data;
  return { dashboard, row: (await serverRows('settings'))[0] };
}

const field = (phone: Phone, label: string | RegExp) =>
  phone.page.getByLabel(label, { exact: true }).filter({ visible: true }).first();

let a: Phone;

describe('the first run, Settings and About', () => {
  it('asks a new store’s first phone for its shop, suggested from its region, and a second phone and the server get it', async () => {
    a = await Phone.open(browser, app.url, 'en-KE');
    await signInByHand(a);
    const setup = a.page.getByTestId('shop-setup');
    await setup.waitFor({ timeout: 30_000 });
    await a.see('Set up your shop');
    expect(await field(a, 'Country').inputValue()).toBe('KE');
    expect(await field(a, 'Currency').inputValue()).toBe('KES');
    await a.tap('Start');
    await a.see('Enter the shop’s name');
    await a.fill('Shop name', 'Duka la Amina');
    await setup.getByRole('button', { name: 'Kiswahili', exact: true }).click();
    await a.page.screenshot({ path: `${DOCS}shop-setup.png` });
    await a.tap('Start');
    await setup.waitFor({ state: 'detached', timeout: 20_000 });
    // This phone chose no language: the store's, Kiswahili, is the app's now.
    await a.page.getByRole('tab', { name: 'Mipangilio' }).waitFor({ timeout: 20_000 });

    await expect
      .poll(async () => (await serverSettings()).row, { timeout: 20_000 })
      .toMatchObject({ shopName: 'Duka la Amina', currency: 'KES', country: 'KE', language: 'sw' });
    expect((await serverSettings()).dashboard).toMatchObject({ shopName: 'Duka la Amina', currency: 'KES' });

    // A second phone of the set-up store, set to American English: no setup, the store's language.
    const b = await Phone.open(browser, app.url, 'en-US');
    await signInByHand(b);
    await b.page.getByTestId('setup-checked').waitFor({ timeout: 30_000 });
    expect(await b.page.getByTestId('shop-setup').count()).toBe(0);
    await b.page.getByRole('tab', { name: 'Mipangilio' }).click();
    await expect.poll(() => field(b, 'Jina la duka').inputValue()).toBe('Duka la Amina');
    expect(await field(b, 'Sarafu').inputValue()).toBe('KES');
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  it('Settings: this phone’s language over the store’s, the reminder days checked, the devices, About', async () => {
    await a.page.getByRole('tab', { name: 'Mipangilio' }).click();
    // This phone's choice (the picker's own button, after the store's language buttons) wins.
    await a.page
      .getByRole('button', { name: 'English', exact: true })
      .filter({ visible: true })
      .last()
      .click();
    await a.page.getByRole('tab', { name: 'Settings' }).waitFor();
    await field(a, 'Statement links last (days)').fill('0');
    await a.see('Enter whole days, from 1 to 3,650');
    await field(a, 'Statement links last (days)').fill('30');
    await field(a, 'Remind after (days)').fill('14');
    await a.tap('Save for every device');
    await a.see('Saved. Every device of the store gets it when it syncs.');
    await expect
      .poll(async () => (await serverSettings()).row, { timeout: 20_000 })
      .toMatchObject({ linkDays: 30, remindDays: 14, language: 'sw' });
    // The devices of the store: this phone, and the second phone that signed in.
    await a.see('Devices of the store');
    await a.see('This phone');
    await a.page
      .getByRole('button', { name: /^Sign out Phone app \(web\)/ })
      .first()
      .waitFor();
    expect(await a.page.getByText(server.url).filter({ visible: true }).count()).toBe(0);
    await a.page
      .getByText('Shop', { exact: true })
      .filter({ visible: true })
      .first()
      .scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: `${DOCS}settings.png` });
    await a.page.getByText('Devices of the store').filter({ visible: true }).first().scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: `${DOCS}settings-devices.png` });
    await a.tap('About StoreSync');
    await a.see(server.url);
    await a.page.screenshot({ path: `${DOCS}about.png` });
    expect(a.errors).toEqual([]);
  });
});

describe('amounts and names', () => {
  it('refuses zero, asks once about an absurd amount, and keeps a name whole: never cut, an emoji never dropped', async () => {
    await a.tab('Today');
    await a.tap('Add customer');
    await a.fill('Name', 'a'.repeat(300));
    await a.see('100 characters too many: at most 200');
    await a.tap('Add customer');
    expect(await field(a, 'Name').inputValue()).toHaveLength(300);
    const name = `${'b'.repeat(199)}${farmer}`;
    await a.fill('Name', name);
    await a.see('0 characters left');
    await a.tap('Add customer');
    await a.see('Record debt');

    await a.tap('Record debt');
    const amount = a.page
      .getByLabel(/^Amount \(/)
      .filter({ visible: true })
      .first();
    await amount.fill('0');
    await a.tap('Record debt');
    await a.see('Must be more than zero');
    await amount.fill('99999999999');
    await a.see(/^= Ksh/);
    await a.tap('Record debt');
    await a.see(/^Are you sure\? Ksh.?99,999,999,999\.00 is a very large amount/);
    await a.page.screenshot({ path: `${DOCS}amount-check.png` });
    await a.tap('Cancel');
    await amount.fill('50');
    await a.tap('Record debt');
    await a.see(/Owes .*50\.00/);

    await a.tab('Sales');
    await a.tap('New sale');
    await a.fill('Item 1', 'Bread');
    await a.page
      .getByLabel(/^Unit price 1/)
      .filter({ visible: true })
      .first()
      .fill('0');
    await a.see(/^= Ksh.?0\.00$/);
    await a.tap('Record sale');
    await a.see('This sale comes to zero: enter the price of what was sold.');
    await a.page
      .getByLabel(/^Unit price 1/)
      .filter({ visible: true })
      .first()
      .fill('6000');
    await a.tap('Record sale');
    await a.see(/^Are you sure\? Ksh.?6,000\.00 is more than 100 times the largest amount in your book/);
    await a.tap('Yes, save it');
    await a.see(/Bread/);

    await expect
      .poll(
        async () => ({
          names: (await serverRows('customers')).map((r) => r.name),
          debts: (await serverRows('debts')).map((r) => r.amount),
          sales: (await serverRows('sales')).map((r) => r.total),
        }),
        { timeout: 20_000 },
      )
      .toEqual({ names: [name], debts: [5_000], sales: [600_000] });
    expect(a.errors).toEqual([]);
  });
});
