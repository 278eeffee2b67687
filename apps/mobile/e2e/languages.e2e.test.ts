import { type AnyLocale, translator } from '@storesync/i18n';
import { formatMoney } from '@storesync/schema';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate } from '../src/i18n/isolate';
import { Phone } from './phone';
import { type PhoneRig, startRig, stopRig } from './rig';
import type { SyncServer } from './sync-server';

let server: SyncServer;
let app: PhoneRig['app'];
let browser: Browser;

beforeAll(async () => {
  ({ server, app, browser } = await startRig());
});
afterAll(() => stopRig({ server, app, browser }));

type Args = Record<string, string | number>;

/** The app's words in `locale`, as the app builds them: in a right-to-left language each argument is isolated. */
function wordsOf(locale: AnyLocale, rtl: boolean) {
  const t = translator(locale) as unknown as (key: string, args?: Args) => string;
  return (key: string, args?: Args) =>
    t(
      key,
      args &&
        Object.fromEntries(
          Object.entries(args).map(([k, v]) => [k, rtl && typeof v === 'string' ? isolate(v) : v]),
        ),
    );
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A control named by the catalogue, or by English while its screen (another engineer's) is not yet converted. */
const either = (...names: string[]) => new RegExp(`^(${names.map(literal).join('|')})$`);

async function signIn(phone: Phone, words: (key: string, args?: Args) => string, email: string) {
  await phone.page.getByLabel(words('signIn.email'), { exact: true }).fill(email);
  await phone.page.getByRole('button', { name: words('common.continue') }).click();
  await phone.see(words('today.whoOwesMost'));
  await phone.finishSetup();
}

describe('the phone in the owner’s language', () => {
  it('in Urdu, offline: right to left, amounts in rupees, plurals for 1 and 3 customers', async () => {
    const ur = wordsOf('ur', true);
    const rs = (minor: number) => formatMoney(minor, 'PKR', 'ur-PK');
    const phone = await Phone.open(browser, app.url, 'ur-PK');
    await expect.poll(() => phone.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await phone.page.evaluate(() => document.documentElement.lang)).toBe('ur-PK');
    await signIn(phone, ur, 'urdu@example.com');
    await phone.expectSync(new RegExp(`^${literal(ur('sync.status.live').split(' · ')[0] ?? '')}`));
    await phone.context.setOffline(true);

    const addWithDebt = async (name: string, amount: string) => {
      await phone.tab(ur('tabs.today'));
      await phone.tap(ur('today.addCustomer'));
      await phone.fill(ur('forms.name'), name);
      await phone.tap(ur('forms.addCustomer'));
      await phone.tap(ur('customer.recordDebt'));
      await phone.page.getByLabel(/PKR/).filter({ visible: true }).first().fill(amount);
      await phone.tap(either(ur('forms.recordDebt'), 'Record debt'));
      // The rupee is kept in whole rupees (no minor unit).
      await phone.see(ur('balance.owes', { amount: rs(Number(amount)) }));
    };
    await addWithDebt('فاطمہ', '1500');
    await phone.shot('ur-customer');
    await phone.tab(ur('tabs.today'));
    await phone.see(ur('today.customersOwing', { count: 1 }));
    await addWithDebt('احمد', '200');
    await addWithDebt('Bilal', '50');
    await phone.tab(ur('tabs.today'));
    await phone.see(ur('today.customersOwing', { count: 3 }));
    await phone.see(rs(1750));

    // A sale paid in full, from Today; the price typed with a group mark as in Pakistan: 1,250.
    await phone.tap(ur('today.newSale'));
    await phone.fill(ur('forms.item', { n: 1 }), 'چینی');
    await phone.fill(ur('forms.unitPrice', { n: 1, currency: 'PKR' }), '1,250');
    await phone.see(rs(1250));
    await phone.tap(ur('forms.recordSale'));
    await phone.tab(ur('tabs.today'));
    await phone.see(ur('today.salesCount', { count: 1 }));
    await phone.see(rs(1250));
    await phone.expectSync(new RegExp(literal(ur('sync.status.offline', { count: 7 }))));
    expect(await phone.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await phone.shot('ur-today');
    await phone.tab(ur('tabs.customers'));
    await phone.see('فاطمہ');
    await phone.shot('ur-customers');
    await phone.tab(ur('phone.settings.title'));
    // The picker, on Settings' This phone card, in view.
    await phone.page.getByText(ur('language.title'), { exact: true }).last().scrollIntoViewIfNeeded();
    await phone.shot('ur-sync');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('in Swahili, online: Today reads in Swahili; switching to English on the phone keeps what waits', async () => {
    const sw = wordsOf('sw', false);
    const phone = await Phone.open(browser, app.url, 'sw-KE');
    await expect.poll(() => phone.page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await signIn(phone, sw, 'swahili@example.com');
    await phone.see(sw('today.salesToday'));
    await phone.see(sw('today.customersOwing', { count: 0 }));
    await phone.expectSync(new RegExp(`^${literal(sw('sync.status.live').split(' · ')[0] ?? '')}`));
    await phone.tap(sw('today.addCustomer'));
    await phone.fill(sw('forms.name'), 'Wanjiku');
    await phone.tap(sw('forms.addCustomer'));
    await phone.tap(sw('customer.recordDebt'));
    await phone.page.getByLabel(/KES/).filter({ visible: true }).first().fill('1500');
    await phone.tap(either(sw('forms.recordDebt'), 'Record debt'));
    await phone.see(sw('balance.owes', { amount: formatMoney(150_000, 'KES', 'sw-KE') }));
    await phone.shot('sw-customer');
    await phone.tab(sw('tabs.today'));
    await phone.see(sw('today.customersOwing', { count: 1 }));
    await phone.shot('sw-today');
    await phone.tab(sw('tabs.customers'));
    await phone.see('Wanjiku');
    await phone.shot('sw-customers');
    await phone.tab(sw('phone.settings.title'));
    await phone.page.getByText(sw('language.title'), { exact: true }).last().scrollIntoViewIfNeeded();
    await phone.shot('sw-sync');

    // The choice is this phone's and only a re-render: offline, a change waits, English, still waiting.
    await phone.context.setOffline(true);
    await phone.tab(sw('tabs.customers'));
    await phone.tap(sw('customers.add'));
    await phone.fill(sw('forms.name'), 'Otieno');
    await phone.tap(sw('forms.addCustomer'));
    await phone.expectSync(new RegExp(literal(sw('sync.status.offline', { count: 1 }))));
    await phone.tab(sw('phone.settings.title'));
    // This phone's picker: the last "English" on Settings (the store's language comes first).
    await phone.page
      .getByRole('button', { name: 'English', exact: true })
      .filter({ visible: true })
      .last()
      .click();
    await phone.see('Language');
    await phone.expectSync(/^Offline · 1 change waiting$/);
    expect(await phone.page.evaluate(() => localStorage.getItem('storesync.language'))).toBe('en');
    expect(await phone.page.evaluate(() => document.documentElement.lang)).toBe('en-KE');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
