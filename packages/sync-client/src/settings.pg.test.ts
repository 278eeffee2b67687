import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from './client.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { serverDevice } from './test/server-device.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.stop());

/** A device of `email`'s store, syncing only when told to; its clock starts at `start`. */
function device(email: string, sqlite: boolean, start: number): Promise<SyncClient> {
  let t = start;
  return serverDevice(server, email, { sqlite, now: () => (t += 1_000) });
}

describe('book.settings against the real server', () => {
  it('is set on one device and seen by another of the store after it pulls', async () => {
    const now = Date.now();
    const phone = await device('settings-a@example.com', true, now);
    const tablet = await device('settings-a@example.com', false, now);
    expect(await tablet.settings.get()).toBeNull();
    expect(await phone.settings.set({ currency: 'KES', shopName: 'Duka la Amina' })).toMatchObject({
      currency: 'KES',
      shopName: 'Duka la Amina',
    });
    await phone.syncNow();
    await tablet.syncNow();
    expect(await tablet.settings.get()).toMatchObject({ currency: 'KES', shopName: 'Duka la Amina' });
    await Promise.all([phone.close(), tablet.close()]);
  });

  it('converges when two devices set it offline: field by field, the later edit winning', async () => {
    const now = Date.now();
    const phone = await device('settings-b@example.com', true, now);
    // The tablet's clock runs a minute ahead: its currency is the later edit.
    const tablet = await device('settings-b@example.com', true, now + 60_000);
    await phone.settings.set({ currency: 'USD', shopName: 'Amina’s' });
    await tablet.settings.set({ currency: 'UGX' });
    await tablet.syncNow();
    await phone.syncNow();
    await tablet.syncNow();
    const expected = { currency: 'UGX', shopName: 'Amina’s' };
    expect(await phone.settings.get()).toMatchObject(expected);
    expect(await tablet.settings.get()).toMatchObject(expected);
    await Promise.all([phone.close(), tablet.close()]);
  });

  it('refuses a retired currency before anything is written', async () => {
    const phone = await device('settings-c@example.com', true, Date.now());
    await expect(phone.settings.set({ currency: 'HRK' })).rejects.toThrow(/currency/);
    expect(await phone.settings.get()).toBeNull();
    expect(phone.status.get().pending).toBe(0);
    await phone.close();
  });
});
