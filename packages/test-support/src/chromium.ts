import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs; playwright-core cannot download a browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags that work on these offline machines (shared/STACK.md). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Headless Chromium for the e2e tests and benches of every app; `args` adds flags of its own. */
export const launchChromium = ({ args = [] }: { args?: string[] } = {}): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...args] });
