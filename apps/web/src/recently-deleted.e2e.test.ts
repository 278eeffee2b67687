import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, openDashboard } from './test/dashboard-session';

// Deleting a customer who owes, and bringing them back, in headless Chromium against the
// production build: what the owner reads in the dialog, on the overview and in Recently deleted.
let page: Page;
let phone: ApiClient;

beforeAll(async () => {
  const dash = await openDashboard({ signIn: true });
  ({ page, api: phone } = dash);
  return dash.close;
});

/** A screenshot at 1280×800 for docs/screens, where the dashboard's screenshots are, to be looked at. */
async function screen(name: string) {
  const dir = new URL('../../../docs/screens/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}${name}.png` });
}

const dialog = () => page.getByRole('dialog');
const balance = () => page.getByTestId('balance').textContent();
/** "$1,234.56" in cents. */
const cents = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const outstanding = async () => {
  await page.goto('/overview');
  const figure = page.locator('.stat--accent dd').first();
  await figure.getByText('$').waitFor();
  return cents(await figure.textContent());
};
let customerUrl = '';

describe('deleting a customer who owes, and restoring them', () => {
  it('says how much the customer owes before deleting', async () => {
    await page.goto('/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    await dialog().getByLabel('Name').fill('Amina Deletes');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name: 'Amina Deletes' }).waitFor();
    customerUrl = page.url();
    await page.getByRole('button', { name: 'Record debt' }).click();
    await page.getByLabel(/Amount owed/).fill('14');
    await dialog().getByLabel('Note').fill('Flour and oil');
    await page.getByRole('button', { name: 'Record debt' }).last().click();
    await expect.poll(balance).toBe('$14.00');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog().getByText('Amina Deletes owes $14.00').waitFor();
    expect(await dialog().getByRole('heading').textContent()).toBe('Delete Amina Deletes?');
    const repay = dialog().getByRole('link', { name: 'Record a repayment first' });
    expect(await repay.getAttribute('href')).toBe(`${new URL(customerUrl).pathname}?record=payment`);
    await screen('delete-customer-owing');
    // "Record a repayment first" opens the repayment form of this customer.
    await repay.click();
    await page.getByRole('dialog', { name: 'Payment from Amina Deletes' }).waitFor();
    await dialog().getByText('Owes $14.00.').waitFor();
    await page.getByLabel(/Amount paid/).fill('2');
    await dialog().getByLabel('Note').fill('Paid by mistake');
    await page.getByRole('button', { name: 'Record payment' }).last().click();
    await expect.poll(balance).toBe('$12.00');
    await page.getByRole('button', { name: /^Delete payment of/ }).click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(balance).toBe('$14.00');
  });

  it('writes the debt off and deletes: Outstanding drops by exactly that, and the customer is in Recently deleted', async () => {
    const before = await outstanding();
    await page.goto(customerUrl);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog().getByText('Amina Deletes owes $14.00').waitFor();
    await dialog().getByRole('button', { name: 'Write off and delete' }).click();
    await page.waitForURL('**/customers');
    expect(await outstanding()).toBe(before - 1400);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Recently deleted' })
      .click();
    await page.getByRole('heading', { name: 'Recently deleted' }).waitFor();
    const row = page.getByTestId('deleted-list').locator('li', { hasText: 'Amina Deletes' });
    await expect.poll(() => row.first().locator('.badge').textContent()).toBe('Customer');
    expect(await row.first().locator('.timeline__amount').textContent()).toBe('nothing owed');
    // The repayment deleted by mistake is there too, and would bring the customer back with it.
    const payment = page.getByTestId('deleted-list').locator('li', { hasText: 'Paid by mistake' });
    expect(await payment.textContent()).toMatch(
      /^PaymentAmina Deletes · Paid by mistakeDeleted .* · restores Amina Deletes too\$2\.00Restore$/,
    );
    await screen('recently-deleted');
  });

  it('restores the customer with their entries and the same balance, the write-off named as such', async () => {
    const before = await outstanding();
    await page.goto('/deleted');
    await page.getByRole('button', { name: 'Restore customer: Amina Deletes' }).click();
    await page.getByRole('status').getByText('Restored customer: Amina Deletes.').waitFor();
    await page.getByRole('link', { name: 'Open customer' }).click();
    await page.getByRole('heading', { name: 'Amina Deletes' }).waitFor();
    await expect.poll(balance).toBe('$0.00');
    const history = page.locator('.timeline__entry');
    await expect
      .poll(() => history.allTextContents())
      .toEqual([
        expect.stringMatching(/^Write-off.*Written off: no money received−\$14\.00settled/),
        expect.stringMatching(/^Debt.*Flour and oil\+\$14\.00owes \$14\.00/),
      ]);
    expect(await outstanding()).toBe(before);
  });

  it('restores a deleted entry, and the balance follows', async () => {
    // Deleting the write-off brings the debt back; restoring it from Recently deleted settles it again.
    await page.goto(customerUrl);
    await page.getByRole('button', { name: /^Delete write-off of/ }).click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(balance).toBe('$14.00');
    await page.goto('/deleted');
    await page.getByRole('button', { name: /^Restore write-off: Amina Deletes/ }).click();
    await page.getByRole('status').getByText('Restored write-off: Amina Deletes').waitFor();
    await page.goto(customerUrl);
    await expect.poll(balance).toBe('$0.00');
  });

  it('says how much when the server refuses the delete because a phone recorded a debt meanwhile', async () => {
    await page.goto('/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    await dialog().getByLabel('Name').fill('Baraka Race');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name: 'Baraka Race' }).waitFor();
    const id = page.url().split('/').at(-1) ?? '';
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog().getByText('Their entries stay in the book').waitFor();

    // The delete reaches the server just after a phone's debt for this customer.
    const s = await phone().auth.devSignIn.mutate({ email: 'demo@storesync.local', deviceId: 'phone-race' });
    await page.route('**/api/trpc/customers.delete*', async (route) => {
      await phone(s.sessionToken).sync.push.mutate({
        deviceId: 'phone-race',
        events: [
          {
            eventUuid: crypto.randomUUID(),
            entity: 'debts',
            entityId: crypto.randomUUID(),
            op: 'upsert',
            payload: { customerId: id, amount: 500 },
            clientUpdatedAt: new Date().toISOString(),
          },
        ],
      });
      await route.continue();
    });
    await dialog().getByRole('button', { name: 'Delete customer' }).click();
    await dialog()
      .getByRole('alert')
      .getByText('Not deleted: Baraka Race now owes $5.00. Another device recorded it a moment ago.')
      .waitFor();
    await dialog().getByText('Baraka Race owes $5.00').waitFor();
    expect(await dialog().getByRole('button', { name: 'Write off and delete' }).isVisible()).toBe(true);
    await page.unroute('**/api/trpc/customers.delete*');
    await page.keyboard.press('Escape');
    await expect.poll(balance).toBe('$5.00');
  });
});
