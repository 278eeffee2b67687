import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone } from './phone';
import { type PhoneRig, startRig, stopRig } from './rig';
import { pulledRows, type SyncServer } from './sync-server';

const EMAIL = 'amina.shop@example.com';

let server: SyncServer;
let app: PhoneRig['app'];
let browser: Browser;
const phones: Phone[] = [];

beforeAll(async () => {
  // A small body limit, so one oversized change can be sent and refused for real.
  ({ server, app, browser } = await startRig({ MAX_BODY_BYTES: '2200' }));
});
afterAll(() => stopRig({ server, app, browser }));

const openPhone = async () => {
  const phone = await Phone.open(browser, app.url);
  phones.push(phone);
  return phone;
};

describe('the phone app, offline first', () => {
  it('keeps a day of work offline, across a reload with the server unreachable, and syncs it when back', async () => {
    const a = await openPhone();
    await a.see('Demo sign-in');
    await a.shot('sign-in');
    await a.signIn(EMAIL);
    await a.expectSync(/Up to date/);

    await a.context.setOffline(true);
    await a.expectSync(/^Offline/);
    await a.tap('Add customer');
    await a.fill('Name', 'Amina');
    await a.fill('Phone (optional)', '+254700000001');
    await a.shot('new-customer');
    await a.tap('Add customer');
    await a.see('Record debt');
    await a.tap('Record debt');
    await a.fill('Amount (USD)', '15');
    await a.see('= $15.00');
    await a.fill('What for (optional)', 'sugar, 2 kg');
    await a.shot('debt-form');
    await a.tap('Record debt');
    await a.see('Owes $15.00');
    await a.tap('New sale');
    await a.fill('Item 1', 'Bread');
    await a.fill('Quantity 1', '2');
    await a.fill('Unit price 1 (USD)', '1.50');
    expect(await a.page.getByTestId('sale-total').filter({ visible: true }).textContent()).toBe('$3.00');
    await a.page.getByRole('switch', { name: 'Paid in full' }).click();
    await a.fill('Amount paid now (USD)', '1');
    await a.shot('new-sale');
    await a.tap('Record sale');
    // Debt 15.00 plus the unpaid 2.00 of the sale.
    await a.see('Owes $17.00');
    await a.expectSync(/^Offline · 3 changes waiting$/);
    await a.shot('customer-offline');

    // The network is back but the server is not: the page reloads, the book and the outbox are still there.
    await a.context.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
    await a.context.setOffline(false);
    await a.page.reload();
    await a.see('Owes $17.00');
    await a.expectSync(/3 changes waiting/);
    // The book's own rows: the store's settings were set at the first run, before the day began.
    const ledger = async () => (await pulledRows(server.url, EMAIL)).filter((e) => e.entity !== 'settings');
    expect(await ledger()).toEqual([]);

    // The server is reachable again: the changes reach it and the phone says so.
    await a.context.unroute(`${server.url}/**`);
    await a.networkBlip();
    await a.expectSync(/^Up to date/);
    const rows = await ledger();
    expect(rows.map((e) => e.entity).sort()).toEqual(['customers', 'debts', 'sales']);
    expect(rows.find((e) => e.entity === 'customers')?.row).toMatchObject({
      name: 'Amina',
      phone: '+254700000001',
    });
    expect(rows.find((e) => e.entity === 'debts')?.row).toMatchObject({ amount: 1500, note: 'sugar, 2 kg' });
    expect(rows.find((e) => e.entity === 'sales')?.row).toMatchObject({ total: 300, paidAmount: 100 });
    expect(a.errors).toEqual([]);
  });

  it('shows a second phone what the first synced, and keeps both phones’ edits of different fields', async () => {
    const [a] = phones;
    if (!a) throw new Error('the first test opens phone A');
    const b = await openPhone();
    await b.signIn(EMAIL);
    await b.tab('Customers');
    await b.see('Owes $17.00');
    await b.shot('customers');

    await a.context.setOffline(true);
    await b.context.setOffline(true);
    for (const [phone, label, value] of [
      [a, 'Phone (optional)', '+254700000002'],
      [b, 'Note (optional)', 'pays on Fridays'],
    ] as const) {
      await phone.tab('Customers');
      await phone.tap('Customer Amina');
      await phone.tap('Edit customer');
      await phone.fill(label, value);
      if (phone === b) await phone.shot('edit-customer');
      await phone.tap('Save changes');
      await phone.expectSync(/1 change waiting/);
    }
    await a.context.setOffline(false);
    await a.expectSync(/^Up to date/);
    await b.context.setOffline(false);
    await b.expectSync(/^Up to date/);
    await a.tab('Sync');
    await a.tap('Sync now');
    await a.expectSync(/^Up to date/);

    for (const phone of [a, b]) {
      await phone.tab('Customers');
      await phone.tap('Customer Amina');
      await phone.see('Phone +254700000002');
      await phone.see('pays on Fridays');
    }
    await a.shot('customer');
  });

  it('refuses bad input next to the field, and lists a change the server refuses without blocking the rest', async () => {
    const [a] = phones;
    if (!a) throw new Error('the first test opens phone A');
    await a.tap('Record repayment');
    await a.fill('Amount repaid (USD)', '12.345');
    await a.see(/^Unclear: 12.345 could mean 12345 or 12.35/);
    await a.fill('Amount repaid (USD)', '-5');
    await a.see('Must not be negative');
    await a.fill('Amount repaid (USD)', '20');
    await a.tap('Record repayment');
    await a.see('Amina owes $17.00. Take $20.00 and keep $3.00 as credit?');
    await a.shot('repayment-more-than-owed');
    await a.tap('Take it and keep the credit');
    await a.see('Credit $3.00');

    // Edits too large for this server's body limit: refused, undone, listed; the next changes still go.
    await a.tap('Edit customer');
    await a.fill('Note (optional)', 'x'.repeat(2000));
    await a.tap('Save changes');
    await a.tab('Customers');
    await a.tap('Add customer');
    await a.fill('Name', 'Baraka');
    await a.tap('Add customer');
    await a.tap('Record debt');
    await a.fill('Amount (USD)', '5');
    await a.fill('Due date (optional)', '2026-01-10');
    await a.tap('Record debt');
    await a.see('Owes $5.00');
    await a.tap('Edit customer');
    await a.fill('Note (optional)', 'y'.repeat(2000));
    await a.tap('Save changes');
    // The line may still say "Up to date" from the sync before this edit: wait for the second refusal.
    await expect
      .poll(() => a.page.getByTestId('sync-rejected').textContent(), { timeout: 20_000 })
      .toBe('2 rejected changes');
    await a.expectSync(/^Up to date/);
    await a.tab('Sync');
    await a.see('Rejected changes (2)');
    // The server's code, in the app's words (errors.INVALID_PAYLOAD), not its English message.
    await a.see('Refused by the server: Too large for the server to take: shorten it and save again.');
    await a.shot('sync-rejected');
    let rows = await pulledRows(server.url, EMAIL);
    expect(rows.some((e) => e.entity === 'customers' && e.row.name === 'Baraka')).toBe(true);
    expect(rows.some((e) => e.entity === 'debts' && e.row.dueDate === '2026-01-10')).toBe(true);
    expect(rows.some((e) => typeof e.row.note === 'string' && e.row.note.length === 2000)).toBe(false);

    // Fix the first: its form opens with what was refused; a shorter note goes through.
    await a.page.getByRole('button', { name: 'Fix this change' }).first().click();
    expect(
      await a.page.getByLabel('Note (optional)', { exact: true }).filter({ visible: true }).inputValue(),
    ).toBe('x'.repeat(2000));
    await a.fill('Note (optional)', 'pays on Fridays, cash only');
    await a.tap('Save changes');
    // Saved, the form returns to the Sync tab by itself. Discard the second.
    await a.see('Rejected changes (1)');
    await a.tap('Discard this change');
    await a.see('None. Every change made on this phone was accepted.');
    // The list hears the discard's write first; the bar's count follows once the client recounts.
    await expect.poll(() => a.page.getByTestId('sync-rejected').count(), { timeout: 5_000 }).toBe(0);
    await a.expectSync(/^Up to date/);
    rows = await pulledRows(server.url, EMAIL);
    expect(rows.some((e) => e.row.note === 'pays on Fridays, cash only')).toBe(true);
    expect(rows.some((e) => typeof e.row.note === 'string' && e.row.note.startsWith('y'))).toBe(false);
    await a.tab('Today');
    await a.see('Outstanding');
    // Baraka's debt was due on 10 January: overdue by the shared rule.
    await a.see('$5.00 overdue');
    await a.shot('today');
    expect(a.errors).toEqual([]);
  });

  it('shows a sale made on one phone on the other at once, with nothing done there', async () => {
    const [a, b] = phones;
    if (!a || !b) throw new Error('the first tests open phones A and B');
    await b.tab('Customers');
    await b.see('Credit $3.00');
    // B holds the live subscription: the line says so, and B is left alone from here on.
    await b.expectSync(/^Up to date · live$/);

    await a.tab('Customers');
    await a.tap('Customer Amina');
    await a.tap('New sale');
    await a.fill('Item 1', 'Rice');
    await a.fill('Quantity 1', '1');
    await a.fill('Unit price 1 (USD)', '10');
    await a.page.getByRole('switch', { name: 'Paid in full' }).click();
    await a.fill('Amount paid now (USD)', '0');
    await a.tap('Record sale');
    // $10.00 on credit less the $3.00 of credit Amina had: owes $7.00.
    await a.see('Owes $7.00');
    await a.expectSync(/^Up to date/);
    // On B within moments of A's push, where B's own timer runs once a minute.
    await b.page.getByText('Owes $7.00').filter({ visible: true }).first().waitFor({ timeout: 5_000 });
    await b.expectSync(/^Up to date · live$/);
    await b.shot('customers-live');
    expect(b.errors).toEqual([]);
  });
});
