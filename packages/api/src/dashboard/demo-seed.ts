import { createHash } from 'node:crypto';
import type { Db } from '@storesync/db';
import { type SaleItem, saleTotal } from '@storesync/schema';
import { applyPush } from '../sync/push.ts';
import { DEMO_CUSTOMERS, DEMO_GOODS } from './demo-data.ts';

/** The account behind the sign-in page's "Continue as demo store". */
export const DEMO_EMAIL = 'demo@storesync.local';
/** The device the seed is attributed to in the change log. */
export const DEMO_SEED_DEVICE = 'web:demo-seed';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A stable UUID (version 8, "custom") per store and key: the seed's ids and
 * event uuids are the same on every run, so two sign-ins racing to seed make
 * the second push all `duplicate`s instead of a second copy of the store.
 */
const stableUuid = (userId: string, key: string) => {
  const h = createHash('sha256').update(`${userId}:${key}`).digest('hex');
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** A small deterministic generator, so the demo looks the same for everyone. */
const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

/** The seed as push events, oldest first, each at the time it "happened". */
export function demoEvents(userId: string, now: Date) {
  const at = (daysAgo: number, hour = 10) => {
    const t = new Date(now.getTime() - daysAgo * DAY);
    t.setUTCHours(hour, 0, 0, 0);
    return new Date(Math.min(t.getTime(), now.getTime())).toISOString();
  };
  const event = (key: string, entity: string, time: string, payload: Record<string, unknown>) => ({
    eventUuid: stableUuid(userId, `event:${key}`),
    entity,
    entityId: stableUuid(userId, key),
    op: 'upsert',
    payload,
    clientUpdatedAt: time,
  });
  const events: ReturnType<typeof event>[] = [];
  DEMO_CUSTOMERS.forEach((c, i) => {
    const customerId = stableUuid(userId, `customer:${i}`);
    events.push(event(`customer:${i}`, 'customers', at(30, 8), { name: c.name, phone: c.phone }));
    c.debts.forEach(([days, amount], j) => {
      events.push(
        event(`debt:${i}:${j}`, 'debts', at(days, 11), { customerId, amount, note: 'Groceries on credit' }),
      );
    });
    c.payments.forEach(([days, amount], j) => {
      const paidAt = at(days, 16);
      events.push(event(`payment:${i}:${j}`, 'payments', paidAt, { customerId, amount, paidAt }));
    });
  });
  const random = prng(7);
  for (let n = 0; n < 40; n++) {
    const daysAgo = Math.floor(random() * 30);
    const first = Math.floor(random() * DEMO_GOODS.length);
    const lines = 1 + Math.floor(random() * 3);
    // Consecutive shelf places: never the same good twice in one sale.
    const items: SaleItem[] = Array.from({ length: lines }, (_, k) => {
      const [name, unitPrice] = DEMO_GOODS[(first + k) % DEMO_GOODS.length] ?? DEMO_GOODS[0];
      return { name, quantity: 1 + Math.floor(random() * 3), unitPrice };
    });
    const total = saleTotal(items);
    const soldAt = at(daysAgo, 8 + Math.floor(random() * 10));
    // Every fourth sale is to a regular, and every eighth is only half paid.
    const customerId = n % 4 === 0 ? stableUuid(userId, `customer:${(n / 4) % DEMO_CUSTOMERS.length}`) : null;
    const paidAmount = n % 8 === 0 ? Math.round(total / 2) : total;
    events.push(event(`sale:${n}`, 'sales', soldAt, { customerId, items, total, paidAmount, soldAt }));
  }
  return events.sort((a, b) => a.clientUpdatedAt.localeCompare(b.clientUpdatedAt));
}

/**
 * Gives a store that has never synced anything a few customers, debts,
 * repayments and sales, through `applyPush` like any device's writes, so the
 * seed is in the change log that phones pull. A store with history is left alone.
 */
export async function seedDemoStore(db: Db, userId: string, now = new Date()): Promise<boolean> {
  const any = await db.syncEvent.findFirst({ where: { userId }, select: { eventId: true } });
  if (any) return false;
  await applyPush(db, { userId, deviceId: DEMO_SEED_DEVICE }, demoEvents(userId, now));
  return true;
}
