import { SETTINGS_ID } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { statementResponse } from '../statement/page.ts';
import { createHarness, type Harness, upsertEvent } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';

let h: Harness;
let store: WebStore;
let rival: WebStore;
beforeAll(async () => {
  h = await createHarness('pg');
  store = await createWebStore(h, 'links@example.com');
  rival = await createWebStore(h, 'links-rival@example.com');
}, 60_000);
afterAll(() => h.t.drop());

const open = (token: string) =>
  statementResponse(
    { db: h.t.db, config: h.config, logger: createLogger({ level: 'silent' }) },
    new Request('http://localhost/'),
    token,
  );

describe('links (dashboard)', () => {
  it('makes a link that lives the store’s linkDays, lists it, and revokes it: 404 at once', async () => {
    const amina = await store.web.customers.create({ name: 'Amina' });
    const settings = upsertEvent('settings', SETTINGS_ID, { linkDays: 7 }, Date.now());
    await store.phone.api.sync.push({ deviceId: store.phone.deviceId, events: [settings as never] });
    const { event } = await store.expectOneEvent(() => store.web.links.create({ customerId: amina.id }));
    const token = String(event.row?.token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const [listed] = await store.web.links.list({ customerId: amina.id });
    expect(listed).toMatchObject({ id: event.entityId, token, lastOpenedAt: null });
    const days = (Date.parse(listed?.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect((await open(token)).status).toBe(200);
    expect((await store.web.links.list({ customerId: amina.id }))[0]?.lastOpenedAt).not.toBeNull();
    // Another store cannot list or revoke it.
    expect(await rival.web.links.list({ customerId: amina.id })).toEqual([]);
    await expect(rival.web.links.revoke({ id: event.entityId })).rejects.toThrow();
    expect((await open(token)).status).toBe(200);
    await store.expectOneEvent(() => store.web.links.revoke({ id: event.entityId }));
    expect(await store.web.links.list({ customerId: amina.id })).toEqual([]);
    expect((await open(token)).status).toBe(404);
  });

  it('refuses a link for another store’s customer', async () => {
    const theirs = await rival.web.customers.create({ name: 'Zawadi' });
    await expect(store.web.links.create({ customerId: theirs.id })).rejects.toThrow();
  });
});
