import { formatMoney } from '@storesync/schema';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone } from './phone';
import { type PhoneRig, startRig, stopRig } from './rig';
import { seedBook, signInTool } from './seed-book';
import type { SyncServer } from './sync-server';

let server: SyncServer;
let app: PhoneRig['app'];
let browser: Browser;

beforeAll(async () => {
  ({ server, app, browser } = await startRig());
});
afterAll(() => stopRig({ server, app, browser }));

const usd = (minor: number) => formatMoney(minor, 'USD', 'en-US');

/** Two phones of one store, signed in and up to date. */
async function twoPhones(email: string) {
  const a = await Phone.open(browser, app.url);
  const b = await Phone.open(browser, app.url);
  for (const p of [a, b]) {
    await p.signIn(email);
    await p.expectSync(/Up to date/);
  }
  return [a, b] as const;
}

/** On the Customers tab, opens a customer by name. */
async function openCustomer(phone: Phone, name: string) {
  await phone.tab('Customers');
  await phone.page
    .getByRole('button', { name: `Customer ${name}` })
    .filter({ visible: true })
    .first()
    .click();
}

const tokens = new Map<string, Promise<{ token: string }>>();

/** What the server holds for the store's customer, read as the dashboard does (`customers.get`). */
async function serverCustomer(email: string, id: string) {
  if (!tokens.has(email)) tokens.set(email, signInTool(server.url, email));
  const { token } = (await tokens.get(email)) ?? { token: '' };
  const input = encodeURIComponent(JSON.stringify({ id }));
  const res = await fetch(`${server.url}/api/trpc/customers.get?input=${input}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { result?: { data: { owed: number } }; error?: unknown };
}

/** Adds a customer and their first debt; the customer's id, from the screen's address. */
async function addCustomerWithDebt(phone: Phone, name: string, amount: string) {
  await phone.tab('Today');
  await phone.tap('Add customer');
  await phone.fill('Name', name);
  await phone.tap('Add customer');
  await phone.see('Record debt');
  await phone.tap('Record debt');
  await phone.fill('Amount (USD)', amount);
  await phone.tap('Record debt');
  await phone.see(`Owes ${usd(Number(amount) * 100)}`);
  return new URL(phone.page.url()).pathname.split('/').at(-1) ?? '';
}

describe('the book on the phone: no money ever vanishes', () => {
  it('a debt recorded offline for a customer deleted meanwhile brings the customer back on both phones', async () => {
    const email = 'race@example.com';
    const [a, b] = await twoPhones(email);
    const id = await addCustomerWithDebt(a, 'Amina', '2');
    await a.expectSync(/Up to date/);
    await openCustomer(b, 'Amina');
    await b.see('Owes $2.00');

    // B goes offline; A deletes Amina, who owes: the app asks, and A writes the debt off.
    await b.context.setOffline(true);
    await a.tap('Delete customer');
    await a.see('Amina owes $2.00');
    await a.shot('delete-owing-dialog');
    await a.tap('Write off and delete');
    await a.expectSync(/Up to date/);
    await a.tab('Today');
    await a.see('Nobody owes you anything.');

    // B, offline, records 12.00 more for Amina; then syncs.
    await b.tap('Record debt');
    await b.fill('Amount (USD)', '12');
    await b.tap('Record debt');
    await b.context.setOffline(false);
    await b.expectSync(/Up to date/, 30_000);

    // The money is visible everywhere: Amina is back, owing 12.00 (2.00 was written off), on both phones.
    for (const phone of [a, b]) {
      await phone.tab('Today');
      await phone.see(usd(1_200));
      await openCustomer(phone, 'Amina');
      await phone.see('Owes $12.00');
      await phone.see('Written off $2.00');
    }
    expect((await serverCustomer(email, id)).result?.data.owed).toBe(1_200);
  });

  it('a delete that reaches the server after a new debt is refused, and the customer stays with what they owe', async () => {
    const email = 'race-2@example.com';
    const [a, b] = await twoPhones(email);
    const id = await addCustomerWithDebt(a, 'Baraka', '3');
    await a.expectSync(/Up to date/);
    await openCustomer(b, 'Baraka');
    await b.see('Owes $3.00');

    // A is offline and deletes Baraka, writing off 3.00; meanwhile B records 5.00 more, online.
    await a.context.setOffline(true);
    await a.tap('Delete customer');
    await a.tap('Write off and delete');
    await b.tap('Record debt');
    await b.fill('Amount (USD)', '5');
    await b.tap('Record debt');
    // B's debt reaches the server before A's delete does.
    await expect
      .poll(async () => (await serverCustomer(email, id)).result?.data.owed, { timeout: 20_000 })
      .toBe(800);
    await a.context.setOffline(false);
    await a.expectSync(/1 rejected change|Up to date/, 30_000);

    // The write-off of 3.00 stands; the delete does not: Baraka owes 5.00 on both phones.
    for (const phone of [a, b]) {
      await openCustomer(phone, 'Baraka');
      await phone.see('Owes $5.00');
    }
    await a.tab('Sync');
    await a.shot('rejected-delete');
    await a.see(/still owes/);
  });

  it('restores a deleted customer with their entries, on every phone', async () => {
    const email = 'restore@example.com';
    const [a, b] = await twoPhones(email);
    await addCustomerWithDebt(a, 'Chidi', '4');
    await a.tap('Delete customer');
    await a.tap('Write off and delete');
    await a.expectSync(/Up to date/);

    await b.tab('Customers');
    await b.tap('Recently deleted');
    await b.see('Chidi');
    await b.shot('recently-deleted');
    await b.tap('Restore Chidi');
    await b.expectSync(/Up to date/);
    for (const phone of [a, b]) {
      await openCustomer(phone, 'Chidi');
      await phone.see('Settled');
      await phone.see('Debt $4.00');
      await phone.see('Written off $4.00');
    }
  });
});

describe('a new phone on a big book', () => {
  it('shows how far the book has come, and never a total from part of it', async () => {
    const email = 'big-book@example.com';
    const truth = await seedBook(server.url, email, 2_000, 20_000);
    const phone = await Phone.open(browser, app.url);
    // Signed in by hand: Phone.signIn waits for "Who owes most", which a partial book never shows.
    await phone.fill('Email', email);
    await phone.page.getByRole('button', { name: 'Continue' }).click();
    const started = Date.now();
    const samples: string[] = [];
    for (let i = 0; i < 400; i++) {
      const text = (await phone.page.locator('body').textContent()) ?? '';
      samples.push(text);
      if (/Up to date/.test(await phone.syncLine()) && text.includes('Outstanding')) break;
      if (i === 3) await phone.shot('big-book-syncing');
      await phone.page.waitForTimeout(150);
    }
    // How long the whole book took to arrive (a figure for the note, not a timed assertion).
    console.log(`big book: up to date after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(samples.some((t) => /Getting your book/.test(t))).toBe(true);
    for (const text of samples) {
      expect(text).not.toContain('Nobody owes you anything');
      // Any total on screen is the whole book's.
      if (text.includes('Outstanding')) expect(text).toContain(usd(truth.outstanding));
    }
    // The seeded store has no name yet: this first phone is asked for it, once the book is whole.
    await phone.finishSetup();
    await phone.see(usd(truth.outstanding));
    await phone.see(
      new RegExp(`${truth.customersOwing.toLocaleString('en-US').replace(',', ',?')} customers owe you`),
    );
    await phone.shot('big-book-today');
    await phone.tab('Customers');
    await phone.see(/2,?000 customers/);
    await phone.fill('Search customers', 'Customer 01999');
    await phone.see('Customer 01999');
    await phone.shot('big-book-customers');
  });
});
