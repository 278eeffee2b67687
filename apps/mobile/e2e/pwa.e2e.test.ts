import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, Phone } from './phone';
import { pulledRows, type SyncServer, startSyncServer } from './sync-server';

/**
 * The app as the server serves it at `/app` (pwa/build.ts, `pnpm build`): same origin as the API,
 * a web manifest, and a service worker that opens it with no network at all. Served from a copy
 * of the build (STORESYNC_APP_DIR), so the last test can put a new version in place.
 */
const BUILT = fileURLToPath(new URL('../../web/dist-app', import.meta.url));
const EMAIL = 'pwa.shop@example.com';

let server: SyncServer;
let appDir: string;
let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!existsSync(join(BUILT, 'sw.js'))) {
    throw new Error(`no /app build in ${BUILT}: pnpm --filter @storesync/mobile export:pwa`);
  }
  appDir = mkdtempSync(join(tmpdir(), 'storesync-app-'));
  cpSync(BUILT, appDir, { recursive: true });
  server = await startSyncServer({ STORESYNC_APP_DIR: appDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

describe('the shop app at /app, offline first in any browser', () => {
  it('opens with no network from its service worker, shows the stored book, and syncs what was recorded offline', async () => {
    phone = await Phone.open(browser, `${server.url}/app/`);
    await phone.see('Demo sign-in');
    // No server address to configure: the build talks to the origin it was loaded from.
    await phone.signIn(EMAIL);
    await phone.expectSync(/^Up to date/);
    const worker = await phone.page.evaluate(async () => {
      const registration = await Promise.race([
        navigator.serviceWorker.ready,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000)),
      ]);
      return registration && { scope: registration.scope, script: registration.active?.scriptURL };
    });
    expect(worker).toEqual({ scope: `${server.url}/app/`, script: `${server.url}/app/sw.js` });
    // clientsClaim: the page that installed the worker is already controlled by it.
    await phone.page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await phone.tap('Add customer');
    await phone.fill('Name', 'Wanjiru');
    await phone.tap('Add customer');
    await phone.see('Record debt');
    await phone.expectSync(/^Up to date/);

    // The browser is offline when the page is opened: without the worker, its own error page.
    await phone.context.setOffline(true);
    await phone.page.reload();
    await phone.see('Record debt');
    await phone.expectSync(/^Offline/);
    await phone.tab('Customers');
    await phone.see('Wanjiru');
    await phone.tap('Customer Wanjiru');
    await phone.tap('Record debt');
    await phone.fill('Amount (USD)', '12.50');
    await phone.fill('What for (optional)', 'maize flour');
    await phone.tap('Record debt');
    await phone.see('Owes $12.50');
    await phone.expectSync(/^Offline · 1 change waiting$/);

    // Opened again, still offline: the book and its outbox are in OPFS, the app in the worker's cache.
    await phone.page.reload();
    await phone.see('Owes $12.50');
    await phone.expectSync(/^Offline · 1 change waiting$/);
    await phone.shot('app-offline');
    // The book's own rows: the store's settings were set at the first run, before going offline.
    const ledger = async () => (await pulledRows(server.url, EMAIL)).filter((e) => e.entity !== 'settings');
    expect(await ledger()).toHaveLength(1);

    await phone.context.setOffline(false);
    await phone.expectSync(/^Up to date/);
    const rows = await ledger();
    expect(rows.map((e) => e.entity).sort()).toEqual(['customers', 'debts']);
    expect(rows.find((e) => e.entity === 'customers')?.row).toMatchObject({ name: 'Wanjiru' });
    expect(rows.find((e) => e.entity === 'debts')?.row).toMatchObject({ amount: 1250, note: 'maize flour' });
    expect(phone.errors).toEqual([]);
  });

  it('is an installable web app: its manifest, icons and caching', async () => {
    const manifestUrl = await phone.page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestUrl).toBe('/app/manifest.webmanifest');
    const manifest = await fetch(`${server.url}${manifestUrl}`).then((r) => r.json());
    expect(manifest).toMatchObject({
      name: 'StoreSync',
      start_url: '/app/',
      scope: '/app/',
      display: 'standalone',
      theme_color: '#0f766e',
    });
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const response = await fetch(`${server.url}${icon.src}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(icon.type);
      const png = Buffer.from(await response.arrayBuffer());
      // The PNG header's width and height are what the manifest says.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);

    // Chromium's own verdict: the manifest parses and the page can be installed.
    const cdp = await phone.context.newCDPSession(phone.page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(parsed).toMatchObject({ url: `${server.url}/app/manifest.webmanifest`, errors: [] });
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are off the record, where Chromium installs nothing; nothing else is missing.
    expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);

    // The worker and the page are revalidated on every open; hashed files are cached for good.
    const cacheOf = async (path: string) =>
      (await fetch(`${server.url}${path}`, { method: 'HEAD' })).headers.get('cache-control');
    expect(await cacheOf('/app/sw.js')).toBe('no-cache');
    expect(await cacheOf('/app/')).toBe('no-cache');
    expect(await cacheOf('/app/customers/some-id')).toBe('no-cache');
    const script = await phone.page.locator('script[src^="/app/_expo/static/js/web/"]').getAttribute('src');
    expect(await cacheOf(script ?? '')).toBe('public, max-age=31536000, immutable');
  });

  it('picks up a new version on the next open and says so, without losing what waits to sync', async () => {
    // The API is unreachable (the pages are not): a change waits through the update.
    await phone.context.route(`${server.url}/api/**`, (route) => route.abort('internetdisconnected'));
    await phone.tap('Record repayment');
    await phone.fill('Amount repaid (USD)', '2');
    await phone.tap('Record repayment');
    await phone.see('Owes $10.50');
    await phone.expectSync(/1 change waiting/);

    // A new version on the server: a changed page, so a changed worker precaching it.
    const index = join(appDir, 'index.html');
    const before = readFileSync(index, 'utf8');
    const after = before.replace('</head>', '<meta name="storesync-build" content="2" /></head>');
    writeFileSync(index, after);
    const sw = join(appDir, 'sw.js');
    const oldRevision = /url:"\/app\/index.html",revision:"([0-9a-f]+)"/.exec(readFileSync(sw, 'utf8'))?.[1];
    if (!oldRevision) throw new Error('index.html is not in the precache list');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(oldRevision, `${oldRevision.slice(0, -1)}x`));
    for (const stale of ['index.html.br', 'index.html.gz', 'sw.js.br', 'sw.js.gz'])
      rmSync(join(appDir, stale));

    // The next open runs the cached version, finds the new worker, which takes over and says so.
    await phone.page.reload();
    await phone.page.getByTestId('app-updated').waitFor({ timeout: 20_000 });
    await phone.see('Owes $10.50');
    await phone.expectSync(/1 change waiting/);
    await phone.shot('app-updated');
    await phone.page.getByTestId('app-updated').getByRole('button', { name: 'Reload' }).click();
    await phone.page.locator('meta[name="storesync-build"]').waitFor({ state: 'attached' });
    await phone.see('Owes $10.50');
    await phone.expectSync(/1 change waiting/);

    await phone.context.unroute(`${server.url}/api/**`);
    await phone.networkBlip();
    await phone.expectSync(/^Up to date/);
    const payments = (await pulledRows(server.url, EMAIL)).filter((e) => e.entity === 'payments');
    expect(payments.map((e) => e.row)).toMatchObject([{ amount: 200 }]);
    expect(phone.errors).toEqual([]);
  });
});
