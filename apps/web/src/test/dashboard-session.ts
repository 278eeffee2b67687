import type { AppRouter } from '@storesync/api';
import { launchChromium } from '@storesync/test-support/chromium';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP } from './browser';
import { type NextServer, startNextServer } from './next-server';

/** A tRPC client of the running server, as a phone calls it: signed in when given a session token. */
export type ApiClient = (token?: string) => TRPCClient<AppRouter>;

/** The production build, a headless Chromium and one desktop page of it, for an e2e test file. */
export interface DashboardSession {
  server: NextServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  api: ApiClient;
  /** What Chromium refused under the pages' Content-Security-Policy, from any page of the context. */
  cspViolations: string[];
  /**
   * Closes the browser and stops the server; returned from `beforeAll`, vitest runs it after the file.
   * Fails the file when any page broke the Content-Security-Policy.
   */
  close(): Promise<void>;
}

/**
 * Starts the built server and Chromium side by side and opens a 1280×800 en-US page on the server.
 * With `signIn`, the page has already continued as the demo store and stands on the overview.
 */
export async function openDashboard({ signIn = false } = {}): Promise<DashboardSession> {
  const [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
  const cspViolations: string[] = [];
  const close = async () => {
    await browser.close();
    server.stop();
    if (cspViolations.length > 0) throw new Error(`CSP violations:\n${cspViolations.join('\n')}`);
  };
  try {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', baseURL: server.base });
    context.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const page = await context.newPage();
    if (signIn) {
      await page.goto('/sign-in');
      await page.getByRole('button', { name: 'Continue as demo store' }).click();
      await page.waitForURL('**/overview');
    }
    const api: ApiClient = (token) =>
      createTRPCClient<AppRouter>({
        links: [
          httpLink({
            url: `${server.base}/api/trpc`,
            headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
          }),
        ],
      });
    return { server, browser, context, page, api, cspViolations, close };
  } catch (error) {
    await close();
    throw error;
  }
}
