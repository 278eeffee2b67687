import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, shoot } from './test/browser';
import { type ApiClient, openDashboard } from './test/dashboard-session';
import type { NextServer } from './test/next-server';

// The dashboard in real headless Chromium against the production build: the
// owner's path through every page, and the sync path both ways with a phone.
let server: NextServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let phone: ApiClient;
let customerUrl = '';

beforeAll(async () => {
  const dash = await openDashboard();
  ({ server, browser, context, page, api: phone } = dash);
  return dash.close;
});

const balance = () => page.getByTestId('balance').textContent();

describe('the dashboard in Chromium', () => {
  it('signs in as the demo store, which comes seeded', async () => {
    await page.goto('/overview');
    await page.waitForURL('**/sign-in');
    await shoot(page, 'sign-in-desktop');
    await page.setViewportSize(PHONE);
    await shoot(page, 'sign-in-phone');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'Continue as demo store' }).click();
    await page.waitForURL('**/overview');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.locator('.stat').first().getByText('$').waitFor();
    expect(await page.getByRole('heading', { name: 'Top debtors' }).isVisible()).toBe(true);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
  });

  it('creates a customer', async () => {
    await page.goto('/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByText('Enter a name').waitFor();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Wanjiru E2E');
    await dialog.getByLabel('Phone').fill('+254 711 000 001');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name: 'Wanjiru E2E' }).waitFor();
    customerUrl = page.url();
    expect(customerUrl).toMatch(/\/customers\/[0-9a-f-]{36}$/);
  });

  it('records a debt and a partial payment and shows the balance', async () => {
    await expect.poll(balance).toBe('$0.00');
    await page.getByRole('button', { name: 'Record debt' }).click();
    await page.getByRole('button', { name: 'Record debt' }).last().click();
    await page.getByText('Enter an amount').waitFor();
    await page.getByLabel(/Amount owed/).fill('50');
    await page.getByRole('button', { name: 'Record debt' }).last().click();
    await expect.poll(balance).toBe('$50.00');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel(/Amount paid/).fill('20.50');
    await page.getByRole('button', { name: 'Record payment' }).last().click();
    await expect.poll(balance).toBe('$29.50');
    await page.getByText('−$20.50').waitFor();
    await shoot(page, 'customer-desktop');
  });

  it('creates a sale with two items and shows its total', async () => {
    await page.goto('/sales/new');
    await page.getByLabel('Item 1', { exact: true }).fill('Rice 2 kg');
    await page.getByLabel('Quantity').first().fill('2');
    await page.getByLabel('Unit price').first().fill('4.50');
    await page.getByRole('button', { name: '+ Add item' }).click();
    await page.getByLabel('Item 2', { exact: true }).fill('Cooking oil');
    await page.getByLabel('Unit price').nth(1).fill('5.40');
    await page.locator('.sale-form__total').getByText('$14.40').waitFor();
    await shoot(page, 'new-sale-desktop');
    await page.getByRole('button', { name: 'Record sale' }).click();
    await page.waitForURL('**/sales');
    const sale = page.locator('.sale', { hasText: '2 × Rice 2 kg, 1 × Cooking oil' });
    expect(await sale.locator('.sale__total').textContent()).toBe('$14.40');
  });

  it('puts an edit made on the web into a device’s sync.pull', async () => {
    const s = await phone().auth.devSignIn.mutate({ email: 'demo@storesync.local', deviceId: 'phone-e2e' });
    const device = phone(s.sessionToken);
    let cursor = 0;
    for (let more = true; more; ) {
      const page = await device.sync.pull.query({ cursor, limit: 1000 });
      ({ cursor, hasMore: more } = page);
    }
    await page.goto(customerUrl);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('dialog').getByLabel('Phone').fill('+254 722 999 999');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('+254722999999').waitFor();
    const pulled = await device.sync.pull.query({ cursor });
    const id = customerUrl.split('/').at(-1);
    expect(pulled.events).toMatchObject([
      { entity: 'customers', entityId: id, row: { name: 'Wanjiru E2E', phone: '+254722999999' } },
    ]);
    expect(pulled.events[0]?.deviceId).toMatch(/^web:/);
  });

  it('shows a change pushed by a device after a reload', async () => {
    const s = await phone().auth.devSignIn.mutate({ email: 'demo@storesync.local', deviceId: 'phone-e2e' });
    const id = customerUrl.split('/').at(-1) ?? '';
    const pushed = await phone(s.sessionToken).sync.push.mutate({
      deviceId: 'phone-e2e',
      events: [
        {
          eventUuid: crypto.randomUUID(),
          entity: 'payments',
          entityId: crypto.randomUUID(),
          op: 'upsert',
          payload: {
            customerId: id,
            amount: 950,
            paidAt: new Date().toISOString(),
            note: 'Paid at the counter',
          },
          clientUpdatedAt: new Date().toISOString(),
        },
      ],
    });
    expect(pushed.results[0]?.status).toBe('applied');
    await page.reload();
    await expect.poll(balance).toBe('$20.00');
    await page.getByText('Paid at the counter').waitFor();
  });

  it('refuses an ambiguous amount with the reason, and shows an amount as understood', async () => {
    await page.goto(customerUrl);
    await expect.poll(balance).toBe('$20.00');
    await page.getByRole('button', { name: 'Record debt' }).click();
    const amount = page.getByLabel(/Amount owed/);
    await amount.fill('12.345');
    await page.getByRole('button', { name: 'Record debt' }).last().click();
    await page
      .getByText(
        'Unclear: 12.345 could mean 12345 or 12.35. Write 12345 without separators, or use at most 2 decimals',
      )
      .waitFor();
    await shoot(page, 'amount-refused-desktop', false);
    await amount.fill('-5');
    await amount.blur();
    await page.getByText('Must not be negative').waitFor();
    await amount.fill('12.35');
    await page.getByText('= $12.35').waitFor();
    await page.getByRole('button', { name: 'Record debt' }).last().click();
    await expect.poll(balance).toBe('$32.35');
  });

  it('counts the unpaid part of a sale on credit in the balance', async () => {
    await page.getByRole('link', { name: 'Record sale' }).click();
    await page.getByLabel('Item 1', { exact: true }).fill('Flour 10 kg');
    await page.getByLabel('Unit price').first().fill('19.60');
    await page.getByLabel('Paid in full').uncheck();
    await page.getByLabel(/Amount paid/).fill('10');
    await page.getByText('= $10.00').waitFor();
    await shoot(page, 'credit-sale-desktop', false);
    await page.getByRole('button', { name: 'Record sale' }).click();
    await page.waitForURL(customerUrl);
    await expect.poll(balance).toBe('$41.95');
    await page.getByText('1 × Flour 10 kg · $9.60 unpaid').waitFor();
    expect(await page.getByTestId('unpaid-sales').textContent()).toBe('incl. $9.60 unpaid on sales');
    await page.goto('/sales');
    const sale = page.locator('.sale', { hasText: 'Flour 10 kg' });
    expect(await sale.locator('.muted').textContent()).toBe('Wanjiru E2E · paid $10.00, $9.60 unpaid');
  });

  it('asks before taking more than is owed, then shows the rest as credit', async () => {
    await page.goto(customerUrl);
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel(/Amount paid/).fill('100');
    await page.getByRole('button', { name: 'Record payment' }).last().click();
    const question = page.getByRole('alertdialog');
    await question.getByText('Wanjiru E2E owes $41.95. Take $100.00 and keep $58.05 as credit?').waitFor();
    await shoot(page, 'overpayment-question-desktop', false);
    // Nothing is taken while the owner is asked.
    expect(await balance()).toBe('$41.95');
    await question.getByRole('button', { name: 'Take $100.00' }).click();
    await expect.poll(() => page.getByTestId('credit').textContent()).toBe('$58.05');
    await page.getByText('credit $58.05').first().waitFor();
    await page.goto('/customers');
    await page.getByLabel('Search customers').fill('Wanjiru');
    await page.locator('.customer-table tr', { hasText: 'Wanjiru E2E' }).getByText('Credit $58.05').waitFor();
    await shoot(page, 'customers-credit-desktop', false);
    await page.goto('/overview');
    const held = page.getByTestId('credit-held');
    await held.getByText('$58.05').waitFor();
    expect(await page.locator('.stat--accent .money').first().textContent()).not.toMatch(/^-/);
  });

  it('pages a long customer list with Show more', async () => {
    const s = await phone().auth.devSignIn.mutate({ email: 'demo@storesync.local', deviceId: 'phone-e2e' });
    const events = Array.from({ length: 60 }, (_, i) => ({
      eventUuid: crypto.randomUUID(),
      entity: 'customers',
      entityId: crypto.randomUUID(),
      op: 'upsert' as const,
      payload: { name: `Paging customer ${i}` },
      clientUpdatedAt: new Date().toISOString(),
    }));
    await phone(s.sessionToken).sync.push.mutate({ deviceId: 'phone-e2e', events });
    await page.goto('/customers');
    const rows = page.locator('table.customer-table tbody tr');
    await rows.first().waitFor();
    // One page is 50 rows; the store now holds more than 50 and fewer than 100 customers.
    expect(await rows.count()).toBe(50);
    const more = page.getByRole('button', { name: 'Show more' });
    await more.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(60);
    await more.waitFor({ state: 'detached' });
  });

  it('shows every page whole at desktop and phone width', async () => {
    const state = await context.storageState();
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const ctx = await browser.newContext({
        viewport,
        locale: 'en-US',
        baseURL: server.base,
        storageState: state,
      });
      const p = await ctx.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      for (const [name, path, heading, section, ready] of [
        ['overview', '/overview', 'Overview', 'Overview', '.recharts-bar-rectangle'],
        ['customers', '/customers', 'Customers', 'Customers', '.customer-table'],
        ['customer', customerUrl, 'Wanjiru E2E', 'Customers', '.timeline'],
        ['sales', '/sales', 'Sales', 'Sales', '.sales-day'],
        ['new-sale', '/sales/new', 'New sale', 'Sales', '.sale-form'],
        ['settings', '/settings', 'Settings', 'Settings', '.settings'],
      ] as const) {
        await p.goto(path);
        await p.locator(ready).first().waitFor();
        // The page's own title, its content and the way round the app are on screen…
        expect(await p.getByRole('heading', { level: 1 }).first().textContent(), `${name} ${label}`).toBe(
          heading,
        );
        expect(await p.locator(ready).first().isVisible(), `${name} ${label}`).toBe(true);
        expect(
          await p.getByRole('button', { name: 'Sign out', exact: true }).isVisible(),
          `${name} ${label}`,
        ).toBe(true);
        const current = p.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]');
        expect(await current.textContent(), `${name} ${label}`).toBe(section);
        // …and nothing runs off the side: at phone width the page scrolls down, never across.
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} ${label}: ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
        // The sales list is long by design: what the screen shows is what matters.
        await shoot(p, `${name}-${label}`, name !== 'sales');
      }
      await p.goto('/customers');
      await p.getByRole('button', { name: 'New customer' }).click();
      const dialog = p.getByRole('dialog');
      expect(await dialog.getByLabel('Name').isVisible()).toBe(true);
      const box = await dialog.boundingBox();
      expect(
        box && box.x >= 0 && box.x + box.width <= viewport.width,
        `the dialog fits the ${label} screen`,
      ).toBe(true);
      await shoot(p, `customer-dialog-${label}`);
      expect(errors).toEqual([]);
      await ctx.close();
    }
  });

  it('blocks every page and the API after signing out', async () => {
    await page.goto('/overview');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    for (const path of ['/overview', '/customers', customerUrl, '/sales', '/sales/new', '/settings']) {
      await page.goto(path);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    }
    const api = await page.request.get('/api/trpc/customers.list?input=%7B%7D');
    expect(api.status()).toBe(401);
  });
});
