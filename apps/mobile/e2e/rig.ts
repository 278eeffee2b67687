import type { Browser } from 'playwright-core';
import { exportWebApp } from './export-app';
import { launchChromium } from './phone';
import { serveExport } from './static-server';
import { type SyncServer, startSyncServer } from './sync-server';

/** One e2e file's world: its own sync server, the app's web export built against it and served, Chromium. */
export interface PhoneRig {
  server: SyncServer;
  app: { url: string; close(): Promise<void> };
  browser: Browser;
}

/** Starts a file's rig (its `beforeAll`); `env` goes to the sync server (limits, say). */
export async function startRig(env: Record<string, string> = {}): Promise<PhoneRig> {
  const server = await startSyncServer(env);
  const app = await serveExport(exportWebApp(server.url));
  return { server, app, browser: await launchChromium() };
}

/** Stops whatever of a rig started (its `afterAll`), the browser first. */
export async function stopRig(rig: Partial<PhoneRig>): Promise<void> {
  await rig.browser?.close();
  await rig.app?.close();
  await rig.server?.stop();
}
