import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone } from './phone';
import { type PhoneRig, startRig, stopRig } from './rig';
import { pulledRows, type SyncServer } from './sync-server';

const EMAIL = 'remind.shop@example.com';

let server: SyncServer;
let app: PhoneRig['app'];
let browser: Browser;

beforeAll(async () => {
  ({ server, app, browser } = await startRig());
});
afterAll(() => stopRig({ server, app, browser }));

/** What the page asked the browser to open (Linking.openURL on the web is window.open): WhatsApp is not here. */
const opened = (phone: Phone) =>
  phone.page.evaluate(() => (window as unknown as { opened: string[] }).opened);

async function addCustomerWithDebt(phone: Phone, name: string, number: string, amount: string) {
  await phone.tab('Today');
  await phone.tap('Add customer');
  await phone.fill('Name', name);
  await phone.fill('Phone (optional)', number);
  await phone.tap('Add customer');
  await phone.tap('Record debt');
  await phone.page
    .getByLabel(/^Amount \(/)
    .filter({ visible: true })
    .first()
    .fill(amount);
  await phone.tap('Record debt');
  await phone.see(/^Owes /);
}

describe('Remind, from a phone that is offline', () => {
  it('makes a statement link and a reminder offline, opens WhatsApp at the E.164 number with the amount and link, and the rows reach the server', async () => {
    // A phone in Kenya: the store's country (from the first run's setup) reads 0712… as +254712….
    const phone = await Phone.open(browser, app.url, 'en-KE');
    await phone.page.addInitScript(() => {
      const w = window as unknown as { opened: string[] };
      w.opened = [];
      window.open = (url?: string | URL) => {
        w.opened.push(String(url));
        return null;
      };
    });
    await phone.page.reload();
    await phone.signIn(EMAIL);
    await phone.expectSync(/Up to date/);

    await phone.context.setOffline(true);
    await phone.expectSync(/^Offline/);
    await addCustomerWithDebt(phone, 'Chausiku', '0722 000 111', '300');
    await addCustomerWithDebt(phone, 'Baraka', '0712 345 678', '1250');
    const owed =
      (await phone.page
        .getByText(/^Owes /)
        .filter({ visible: true })
        .first()
        .textContent()) ?? '';
    const amount = owed.replace(/^Owes /, '');
    expect(amount).toMatch(/1,250\.00/);

    await phone.tap('Remind');
    await phone.see('Remind Baraka');
    await phone.shot('remind');
    await phone.tap('WhatsApp');
    await phone.see(/^Reminded /);
    await phone.see(/^Reminder on WhatsApp · .*1,250\.00 owed$/);
    await phone.shot('reminded');
    await phone.expectSync(/changes waiting/);

    const [url] = await opened(phone);
    const wa = new URL(String(url));
    expect(wa.origin + wa.pathname).toBe('https://wa.me/254712345678');
    const text = wa.searchParams.get('text') ?? '';
    expect(text).toContain(amount);
    const token = text.match(new RegExp(`${server.url}/s/([A-Za-z0-9_-]{22})`))?.[1];
    expect(token).toBeDefined();

    // Today lists who is left to remind: Chausiku owes and was never reminded; Baraka was just reminded.
    await phone.tab('Today');
    await phone.see('To remind (1)');
    await phone.see(`Owes ${amount.replace('1,250', '300')}`);
    await phone.shot('to-remind');

    // Online: the customer, the link and the reminder reach the server as the phone made them.
    await phone.context.setOffline(false);
    await phone.expectSync(/^Up to date/, 30_000);
    const rows = await pulledRows(server.url, EMAIL);
    const baraka = rows.find((e) => e.entity === 'customers' && e.row.name === 'Baraka');
    expect(baraka?.row.phone).toBe('+254712345678');
    const link = rows.find((e) => e.entity === 'links');
    expect(link?.row).toMatchObject({ customerId: baraka?.row.id, token });
    const reminder = rows.find((e) => e.entity === 'reminders');
    expect(reminder?.row).toMatchObject({
      customerId: baraka?.row.id,
      channel: 'whatsapp',
      amount: 125_000,
      linkId: link?.row.id,
    });
    expect(phone.errors).toEqual([]);
  });
});
