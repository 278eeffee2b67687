import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SeededBook } from './book.ts';
import { inputAt, installProbe, longTasks, seenAt } from './page-probe.ts';
import { parseBalance, ui } from './selectors.ts';

const CURRENCY = 'USD';
/** How long a sync of `book` may take before the run gives up: generous, the issue saw 21.6 s for 22k rows. */
const syncTimeout = (b: SeededBook) => 60_000 + 4 * (b.size.customers + b.size.entries);
/** The customer the interactions use, and one the search must drop (both arrive in the first page). */
const TARGET = 7;
const OTHER = 3;

/** A new phone: a fresh browser context (empty storage) at a phone's size, the probe in before the app. */
async function newPhone(browser: Browser, appUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: 'en-US',
  });
  // tsx (esbuild's keepNames) wraps named functions in `__name(...)`, also those sent to the page.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.getByText(ui.signIn.ready).first().waitFor({ timeout: 60_000 });
  return { context, page };
}

const visible = (locator: ReturnType<Page['getByLabel']>) => locator.filter({ visible: true }).first();

const syncLine = async (page: Page) =>
  (await page.getByTestId(ui.sync.testId).filter({ visible: true }).first().textContent()) ?? '';

async function signIn(page: Page, book: SeededBook) {
  await page.getByLabel(ui.signIn.email, { exact: true }).fill(book.email);
  const upToDate = seenAt(
    page,
    { testId: ui.sync.testId, prefix: ui.sync.upToDatePrefix },
    syncTimeout(book),
  );
  await page.getByRole('button', { name: ui.signIn.submit }).click();
  return { tapped: await inputAt(page, 'click'), upToDate };
}

/** The JS heap of the page's main thread after a full garbage collection, in bytes. */
async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export interface NewPhoneRun {
  /** Sign-in tap to the sync line saying up to date. */
  syncMs: number;
  longTaskTotalMs: number;
  longestTaskMs: number;
  heapBytes: number;
}

/** A new phone signs in and syncs the whole book, untouched: nothing else competes with the sync. */
export async function newPhoneRun(browser: Browser, appUrl: string, book: SeededBook): Promise<NewPhoneRun> {
  const { context, page } = await newPhone(browser, appUrl);
  try {
    const { tapped, upToDate } = await signIn(page, book);
    const done = await upToDate.catch(async () => {
      throw new Error(
        `not “Up to date” within ${syncTimeout(book) / 1000} s of the sign-in tap; the sync line then: “${await syncLine(page)}”`,
      );
    });
    const tasks = await longTasks(page, tapped, done);
    return {
      syncMs: done - tapped,
      longTaskTotalMs: tasks.total,
      longestTaskMs: tasks.longest,
      heapBytes: await heapAfterGc(context, page),
    };
  } finally {
    await context.close();
  }
}

export interface InteractionRun {
  /** Keystrokes in the customers search while the phone was still syncing (none when the sync was over first). */
  searchDuringSyncMs: number[];
  searchAfterSyncMs: number;
  saleMs: number;
}

/**
 * Types the last digit of customer TARGET's number into the search, from a query that also shows
 * customer OTHER: keystroke to the list showing TARGET without OTHER.
 */
async function searchKeystroke(page: Page, book: SeededBook, timeoutMs: number): Promise<number> {
  const [name, other, code] = [book.name(TARGET), book.name(OTHER), book.code(TARGET)];
  const field = visible(page.getByLabel(ui.customers.search, { exact: true }));
  await field.fill(code.slice(0, -1));
  await seenAt(page, { shown: ui.customers.row(other) }, timeoutMs);
  const shown = seenAt(page, { shown: ui.customers.row(name), gone: ui.customers.row(other) }, timeoutMs);
  await field.press(code.slice(-1));
  const at = await shown;
  return at - (await inputAt(page, 'keydown'));
}

/**
 * A new phone signs in and goes to its customers at once: searches while the book is still
 * arriving, then once it is up to date, then records a sale on a customer's page.
 */
export async function interactionRun(
  browser: Browser,
  appUrl: string,
  book: SeededBook,
): Promise<InteractionRun> {
  const { context, page } = await newPhone(browser, appUrl);
  try {
    const { upToDate } = await signIn(page, book);
    let synced = false;
    upToDate.then(
      () => {
        synced = true;
      },
      () => {},
    );
    await visible(page.getByRole('tab', { name: ui.tabs.customers })).click({ timeout: 60_000 });
    const during: number[] = [];
    for (let i = 0; i < 3 && !synced; i++) {
      const ms = await searchKeystroke(page, book, syncTimeout(book));
      // Counted only if the line still said so once the list had changed.
      if (!(await syncLine(page)).startsWith(ui.sync.upToDatePrefix)) during.push(ms);
    }
    await upToDate;
    const after = await searchKeystroke(page, book, 30_000);
    const saleMs = await recordSale(page, book);
    return { searchDuringSyncMs: during, searchAfterSyncMs: after, saleMs };
  } finally {
    await context.close();
  }
}

/** On customer TARGET's page: a sale of one item on credit; Save tap to the new balance on screen. */
async function recordSale(page: Page, book: SeededBook): Promise<number> {
  await visible(page.getByRole('button', { name: ui.customers.row(book.name(TARGET)) })).click();
  const balance = page.getByText(ui.balancePattern).filter({ visible: true }).first();
  await balance.waitFor({ timeout: 30_000 });
  const before = parseBalance((await balance.textContent()) ?? '');
  await visible(page.getByRole('button', { name: ui.sale.open })).click();
  await visible(page.getByLabel(ui.sale.item, { exact: true })).fill('Bench bread');
  await visible(page.getByLabel(ui.sale.unitPrice(CURRENCY), { exact: true })).fill('2.50');
  await visible(page.getByRole('switch', { name: ui.sale.paidInFull })).click();
  await visible(page.getByLabel(ui.sale.paidNow(CURRENCY), { exact: true })).fill('0');
  const shown = seenAt(page, { text: ui.balance(before + 250, CURRENCY) }, 30_000);
  await visible(page.getByRole('button', { name: ui.sale.save })).click();
  const at = await shown;
  return at - (await inputAt(page, 'click'));
}
