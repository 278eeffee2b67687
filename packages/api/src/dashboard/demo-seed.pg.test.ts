import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';
import { DEMO_SEED_DEVICE, demoEvents, seedDemoStore } from './demo-seed.ts';

let h: Harness;
let s: WebStore;

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'demo@storesync.local');
});
afterAll(() => h.t.drop());

describe('seedDemoStore', () => {
  it('seeds an empty store through the sync path, so a phone pulls the seed', async () => {
    expect(await seedDemoStore(h.t.db, s.userId)).toBe(true);
    const pulled = await s.phone.api.sync.pull({ cursor: 0, limit: 1000 });
    const expected = demoEvents(s.userId, new Date()).length;
    expect(pulled.events).toHaveLength(expected);
    expect(new Set(pulled.events.map((e) => e.deviceId))).toEqual(new Set([DEMO_SEED_DEVICE]));
    expect(new Set(pulled.events.map((e) => e.entity))).toEqual(
      new Set(['customers', 'debts', 'payments', 'sales']),
    );
    const list = await s.web.customers.list({ sort: 'balance', order: 'desc' });
    expect(list.total).toBe(6);
    expect(list.items[0]?.owed).toBeGreaterThan(0);
    const days = await s.web.reports.daily({ days: 30 });
    expect(days.filter((d) => d.sales > 0).length).toBeGreaterThan(10);
    const overview = await s.web.reports.overview({});
    expect(days.at(-1)?.sales).toBe(overview.salesToday.total);
    expect(list.items.reduce((sum, c) => sum + c.owed, 0)).toBe(overview.outstanding);
  });

  it('leaves a store with history alone, and a racing second seed adds nothing', async () => {
    const before = await h.t.db.syncEvent.count({ where: { userId: s.userId } });
    expect(await seedDemoStore(h.t.db, s.userId)).toBe(false);
    expect(await h.t.db.syncEvent.count({ where: { userId: s.userId } })).toBe(before);
  });

  it('makes the same ids for the same store and different ones for another', () => {
    const now = new Date();
    expect(demoEvents('u1', now).map((e) => e.entityId)).toEqual(
      demoEvents('u1', now).map((e) => e.entityId),
    );
    expect(demoEvents('u1', now)[0]?.entityId).not.toBe(demoEvents('u2', now)[0]?.entityId);
  });
});
