import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone } from './phone';
import { type PhoneRig, startRig, stopRig } from './rig';
import type { SyncServer } from './sync-server';

const DOCS = fileURLToPath(new URL('../../../docs/mobile/', import.meta.url));

let server: SyncServer;
let app: PhoneRig['app'];
let browser: Browser;

beforeAll(async () => {
  ({ server, app, browser } = await startRig());
});
afterAll(() => stopRig({ server, app, browser }));

describe('a debt’s due date on the web', () => {
  it('is picked in the browser’s date field, read in the phone’s locale, and makes the customer overdue', async () => {
    // A British phone: the app speaks English and writes days the British way.
    const a = await Phone.open(browser, app.url, 'en-GB');
    await a.signIn('due.dates@example.com');
    await a.tap('Add customer');
    await a.fill('Name', 'Amina');
    await a.tap('Add customer');
    await a.tap('Record debt');
    // The store's currency follows the phone's region: match the label by its start.
    await a.page
      .getByLabel(/^Amount \(/)
      .filter({ visible: true })
      .first()
      .fill('12');
    const due = a.page.getByLabel('Due date (optional)', { exact: true }).filter({ visible: true });
    expect(await due.getAttribute('type')).toBe('date');
    await a.see('No due date');
    // A day already past (the machine's clock is later than this).
    await due.fill('2026-11-30');
    await a.see('Due 30 Nov 2026');
    await a.page.screenshot({ path: `${DOCS}debt-due-date.png` });

    // "No date" takes it off; picking again puts it back.
    await a.tap('No date');
    await a.see('No due date');
    expect(await due.inputValue()).toBe('');
    await due.fill('2026-11-30');
    await a.see('Due 30 Nov 2026');

    await a.tap('Record debt');
    await a.see(/Owes .*12\.00/);
    await a.tab('Today');
    await a.page
      .getByRole('button', { name: /^Amina overdue .*12\.00$/ })
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 20_000 });
    expect(a.errors).toEqual([]);
  });
});
