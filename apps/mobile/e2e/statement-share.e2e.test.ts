import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone } from './phone';
import { type PhoneRig, startRig, stopRig } from './rig';
import type { SyncServer } from './sync-server';

let server: SyncServer;
let app: PhoneRig['app'];
let browser: Browser;

beforeAll(async () => {
  ({ server, app, browser } = await startRig());
});
afterAll(() => stopRig({ server, app, browser }));

describe('Share statement, from a phone that is offline', () => {
  it('makes the statement from the phone’s own book with no network (on the web export, the browser prints it)', async () => {
    const phone = await Phone.open(browser, app.url, 'en-KE');
    await phone.page.addInitScript(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => {
        w.printed += 1;
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
    await expect
      .poll(() => phone.page.evaluate(() => (window as unknown as { printed: number }).printed))
      .toBe(1);
    expect(await phone.page.getByText(/^Could not share/).count()).toBe(0);
  });
});
