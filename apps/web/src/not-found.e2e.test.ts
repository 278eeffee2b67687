import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDashboard } from './test/dashboard-session';

// A not-found answer is final: the dashboard neither retries it nor fetches a
// row it has just deleted. Checked by the requests the page makes (the retries took
// 6 s before), not by a stopwatch, which a loaded CI machine makes flaky.
let page: Page;

beforeAll(async () => {
  const dash = await openDashboard({ signIn: true });
  page = dash.page;
  return dash.close;
});

/** tRPC calls of `procedure` the page makes from now on, by their input's id. */
function watchCalls(procedure: string): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const url = decodeURIComponent(r.url());
    if (url.includes('/api/trpc/') && url.includes(procedure)) calls.push(url);
  });
  return calls;
}

/**
 * Reads of customer `id` the page starts once its delete has come back. Reads
 * started before that are not the delete's doing: the live stream's opening
 * refresh may land on the page while the row still exists. The browser reports
 * events in order, and the page can only act on the delete once its answer is in.
 */
function readsAfterDelete(id: string): string[] {
  const reads: string[] = [];
  let deleted = false;
  page.on('response', (r) => {
    if (r.url().includes('customers.delete')) deleted = true;
  });
  page.on('request', (r) => {
    const url = decodeURIComponent(r.url());
    if (deleted && url.includes('/api/trpc/') && url.includes(id)) reads.push(url);
  });
  return reads;
}

describe('not found is final', () => {
  it('says "No such customer" for an unknown id at once, asking once', async () => {
    const id = randomUUID();
    const calls = watchCalls('customers.get');
    await page.goto(`/customers/${id}`);
    await page.getByText('No such customer').waitFor({ timeout: 15_000 });
    expect(calls.filter((c) => c.includes(id))).toHaveLength(1);
  });

  it('leaves a customer deleted from its own page at once, without fetching it again', async () => {
    await page.goto('/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Gone Soon');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name: 'Gone Soon' }).waitFor();
    const id = page.url().split('/').at(-1) ?? '';

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const reads = readsAfterDelete(id);
    await page.getByRole('button', { name: 'Delete customer' }).click();
    // Bounded well above a loaded CI machine's navigation (it failed once at 5 s under load); `reads` is the point.
    await page.waitForURL('**/customers', { timeout: 20_000 });
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    expect(reads).toEqual([]);
  });
});
