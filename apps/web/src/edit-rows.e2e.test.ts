import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDashboard } from './test/dashboard-session';

// Editing a debt, a repayment and a sale on the dashboard, in headless Chromium
// against the production build: each edit sends only the fields that changed.
let page: Page;
const sent: { procedure: string; input: unknown }[] = [];

beforeAll(async () => {
  const dash = await openDashboard({ signIn: true });
  page = dash.page;
  // Every update the page sends, by procedure (the batch link posts {"0": input, ...}).
  page.on('request', (r) => {
    const match = /\/api\/trpc\/([^?]+)/.exec(r.url());
    if (!match?.[1] || r.method() !== 'POST') return;
    const procedures = decodeURIComponent(match[1]).split(',');
    const body = (r.postDataJSON() ?? {}) as Record<string, unknown>;
    procedures.forEach((procedure, i) => {
      if (procedure.endsWith('.update')) sent.push({ procedure, input: body[String(i)] });
    });
  });
  return dash.close;
});

/** A screenshot at 1280×800 for docs/screens, to be looked at. */
async function screen(name: string) {
  const dir = new URL('../../../docs/screens/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}${name}.png` });
}

const balance = () => page.getByTestId('balance').textContent();
const dialog = () => page.getByRole('dialog');

describe('editing rows on the dashboard', () => {
  it('edits a debt and a repayment, sending only what changed', async () => {
    await page.goto('/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    await dialog().getByLabel('Name').fill('Edit Me');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name: 'Edit Me' }).waitFor();
    await page.getByRole('button', { name: 'Record debt' }).click();
    await page.getByLabel(/Amount owed/).fill('50');
    await dialog().getByLabel('Note').fill('Rice');
    await page.getByRole('button', { name: 'Record debt' }).last().click();
    await expect.poll(balance).toBe('$50.00');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel(/Amount paid/).fill('20');
    await page.getByRole('button', { name: 'Record payment' }).last().click();
    await expect.poll(balance).toBe('$30.00');

    await page.getByRole('button', { name: /^Change debt of/ }).click();
    const amount = page.getByLabel(/Amount owed/);
    expect(await amount.inputValue()).toBe('50.00');
    expect(await dialog().getByLabel('Note').inputValue()).toBe('Rice');
    await amount.fill('60');
    await screen('edit-debt');
    await page.getByRole('button', { name: 'Save debt' }).click();
    await expect.poll(balance).toBe('$40.00');
    expect(sent.at(-1)).toEqual({
      procedure: 'debts.update',
      input: { id: expect.any(String), amount: 6000 },
    });

    await page.getByRole('button', { name: /^Change payment of/ }).click();
    await dialog().getByLabel('Note').fill('Cash');
    await page.getByRole('button', { name: 'Save payment' }).click();
    await page.getByText('Cash').waitFor();
    expect(sent.at(-1)).toEqual({
      procedure: 'payments.update',
      input: { id: expect.any(String), note: 'Cash' },
    });
    expect(await balance()).toBe('$40.00');
  });

  it('formats a due date, marks an overdue debt, and lists who is overdue', async () => {
    await page.getByRole('button', { name: 'Record debt' }).click();
    await page.getByLabel(/Amount owed/).fill('30');
    await dialog().getByLabel('Due date').fill('2026-01-10');
    await page.getByRole('button', { name: 'Record debt' }).last().click();
    await expect.poll(balance).toBe('$70.00');
    // Repayments settle what fell due first: 30 due in January less the 20 repaid.
    const debt = page.locator('.timeline__entry--debt', { hasText: 'due Jan 10, 2026' });
    await expect.poll(() => debt.locator('.overdue-tag').textContent()).toBe('Overdue · $10.00 unpaid');
    expect(await page.locator('.overdue-tag').count()).toBe(1);
    await screen('overdue-debt');
    await page.goto('/overview');
    const row = page.getByTestId('overdue').locator('li', { hasText: 'Edit Me' });
    await expect.poll(() => row.textContent()).toBe('Edit Me · due Jan 10, 2026$10.00');
    await row.scrollIntoViewIfNeeded();
    await screen('overdue-overview');
    await page.goBack();
  });

  it('edits a sale from the sales page: what was paid', async () => {
    await page.getByRole('link', { name: 'Record sale' }).click();
    await page.getByLabel('Item 1', { exact: true }).fill('Sugar E2E lot');
    await page.getByLabel('Unit price').first().fill('8');
    await page.getByRole('button', { name: 'Record sale' }).click();
    await expect.poll(balance).toBe('$70.00');

    await page.goto('/sales');
    const sale = page.locator('.sale', { hasText: 'Sugar E2E lot' });
    await sale.getByRole('button', { name: /^Change sale of/ }).click();
    expect(await dialog().getByLabel('Item 1', { exact: true }).inputValue()).toBe('Sugar E2E lot');
    await dialog().getByLabel('Paid in full').uncheck();
    await dialog()
      .getByLabel(/Amount paid/)
      .fill('5');
    await page.getByRole('button', { name: 'Save sale' }).click();
    await sale.getByText('paid $5.00, $3.00 unpaid').waitFor();
    expect(sent.at(-1)).toEqual({
      procedure: 'sales.update',
      input: { id: expect.any(String), paidAmount: 500 },
    });
  });
});
