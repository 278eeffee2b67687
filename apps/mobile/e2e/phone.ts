import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

// The phone tests' browser is the one every app's tests launch.
export { launchChromium } from '@storesync/test-support/chromium';

export const SHOTS_DIR = '/tmp/mobile-shots';

/** One phone: a browser context at a phone's size running the app's web export. */
export class Phone {
  readonly errors: string[] = [];
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  /** `locale`: the phone's language (navigator.languages); English (United States) unless a test says. */
  static async open(browser: Browser, appUrl: string, locale = 'en-US'): Promise<Phone> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      locale,
    });
    const phone = new Phone(context, await context.newPage());
    await phone.page.goto(appUrl);
    return phone;
  }

  async signIn(email: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.see('Who owes most');
    await this.finishSetup();
  }

  /**
   * Answers the first run's setup when the store has none yet (a new store's first phone), in any
   * language: a shop name, the region's country when the phone has none, Start. Returns once the
   * app has decided (`setup-checked`: the store is set up, this phone never asks).
   */
  async finishSetup(shopName = 'Test shop') {
    const setup = this.page.getByTestId('shop-setup');
    const checked = this.page.getByTestId('setup-checked');
    await setup.or(checked).first().waitFor({ timeout: 30_000 });
    if (!(await setup.isVisible())) return;
    const inputs = setup.locator('input');
    await inputs.nth(0).fill(shopName);
    if ((await inputs.nth(1).inputValue()) === '') await inputs.nth(1).fill('KE');
    await setup.getByRole('button').last().click();
    await checked.waitFor({ timeout: 20_000 });
  }

  /** Waits until `text` is on screen. */
  async see(text: string | RegExp) {
    // Screens under the top one stay in the page, hidden: only what is visible counts.
    await this.page.getByText(text).filter({ visible: true }).first().waitFor({ timeout: 20_000 });
  }

  async tap(name: string | RegExp) {
    await this.page.getByRole('button', { name }).filter({ visible: true }).first().click();
  }

  async fill(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).filter({ visible: true }).first().fill(value);
  }

  /** The sync line at the top of every screen. */
  async syncLine(): Promise<string> {
    return (await this.page.getByTestId('sync-status').first().textContent()) ?? '';
  }

  async expectSync(pattern: RegExp, timeout = 20_000) {
    await expect.poll(() => this.syncLine(), { timeout }).toMatch(pattern);
  }

  /** Goes to a tab, first going back (as the header's or the phone's back) from any screen on top. */
  async tab(name: string) {
    const tab = this.page.getByRole('tab', { name }).filter({ visible: true }).first();
    // A form just saved goes back by itself: give that a moment to show the tabs before going
    // back any further, then go back a screen at a time until they show.
    for (let i = 0; i < 6; i++) {
      const shown = await tab.waitFor({ timeout: 1_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      await this.page.goBack();
    }
    await tab.click();
  }

  /** The network drops and comes back: what NetInfo (navigator.onLine) reports, and the runner syncs on. */
  async networkBlip() {
    await this.context.setOffline(true);
    await this.context.setOffline(false);
  }

  async shot(name: string) {
    mkdirSync(SHOTS_DIR, { recursive: true });
    await this.page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
  }
}
