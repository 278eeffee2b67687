import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone, SHOTS_DIR } from './phone';
import { type PhoneRig, startRig, stopRig } from './rig';
import type { SyncServer } from './sync-server';

let server: SyncServer;
let app: PhoneRig['app'];
let browser: Browser;

beforeAll(async () => {
  ({ server, app, browser } = await startRig());
});
afterAll(() => stopRig({ server, app, browser }));

/** The documents printed so far, as each frame's HTML when its print() was called. */
const printed = (phone: Phone) =>
  phone.page.evaluate(() => (window as unknown as { printed?: string[] }).printed ?? []);

describe('Share statement and receipt, from a phone that is offline', () => {
  it('makes each from the phone’s own book with no network (on the web export, the browser prints that document, not the screen)', async () => {
    const phone = await Phone.open(browser, app.url, 'en-KE');
    // In every frame, print() notes the document it would print, on the top window.
    await phone.page.addInitScript(() => {
      window.print = () => {
        const top = window.top as unknown as { printed?: string[] };
        top.printed = [...(top.printed ?? []), document.documentElement.outerHTML];
      };
    });
    await phone.page.reload();
    await phone.signIn('statement.shop@example.com');
    await phone.expectSync(/Up to date/);
    await phone.context.setOffline(true);
    await phone.expectSync(/^Offline/);
    await phone.tab('Today');
    await phone.tap('Add customer');
    await phone.fill('Name', 'Neema');
    await phone.tap('Add customer');
    await phone.tap('Record debt');
    await phone.page
      .getByLabel(/^Amount \(/)
      .filter({ visible: true })
      .first()
      .fill('450');
    await phone.tap('Record debt');
    await phone.see(/^Owes /);
    await phone.shot('share-statement');
    await phone.tap('Share statement');
    await expect.poll(async () => (await printed(phone)).length).toBe(1);
    const [statement = ''] = await printed(phone);
    expect(statement).toContain('Statement for Neema');
    // In the statement's language, English: the currency by its code, as the statement page has it.
    expect(statement).toMatch(/<strong data-owed="">KES&nbsp;450\.00<\/strong>/);
    expect(await phone.page.getByText(/^Could not share/).count()).toBe(0);

    // A sale on credit, then its receipt from the sale's own screen.
    await phone.tap('New sale');
    await phone.fill('Item 1', 'Rice 2kg');
    await phone.fill('Quantity 1', '2');
    await phone.page
      .getByLabel(/^Unit price 1 \(/)
      .filter({ visible: true })
      .first()
      .fill('120');
    await phone.page.getByRole('switch', { name: 'Paid in full' }).click();
    await phone.page
      .getByLabel(/^Amount paid now \(/)
      .filter({ visible: true })
      .first()
      .fill('40');
    await phone.tap('Record sale');
    await phone.see(/^Owes Ksh\s650\.00$/);
    await phone.page
      .getByText(/^Sale: Rice 2kg/)
      .filter({ visible: true })
      .first()
      .click();
    await phone.see('Share receipt');
    await phone.shot('share-receipt');
    await phone.tap('Share receipt');
    await expect.poll(async () => (await printed(phone)).length).toBe(2);
    const receipt =
      (await printed(phone))[1]
        ?.replace(/<[^>]+>/g, ' ')
        .replace(/&nbsp;|\s+/g, ' ')
        .replace(/ +/g, ' ') ?? '';
    expect(receipt).toContain('Receipt');
    expect(receipt).toContain('Customer: Neema');
    expect(receipt).toContain('Rice 2kg 2 KES 120.00 KES 240.00');
    expect(receipt).toContain('Paid KES 40.00');
    expect(receipt).toContain('Still to pay KES 200.00');
    expect(receipt).toContain('Owed in all now KES 650.00');
    expect(await phone.page.getByText(/^Could not share/).count()).toBe(0);
    // The receipt as printed, at the phone's size: what the customer gets.
    const doc = await phone.context.newPage();
    await doc.setViewportSize({ width: 390, height: 844 });
    await doc.setContent((await printed(phone))[1] ?? '');
    await doc.screenshot({ path: `${SHOTS_DIR}/receipt-document.png`, fullPage: true });
    await doc.close();
  });
});
