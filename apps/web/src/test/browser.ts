import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Where screenshots of the pages go, to be looked at by a person. */
export const SHOTS_DIR = '/tmp/shots';

/** Saves a screenshot as `/tmp/shots/<name>.png`: the whole page, or what a screen shows of a long one. */
export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage });
}
