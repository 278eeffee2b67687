import { randomUUID } from 'node:crypto';
import { type PeriodInput, type PushEvent, periodFigures } from '@storesync/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { createWebStore, type WebStore } from '../../test/web-store.ts';

// The overview's sales today and this week, and the daily report's sales, are SQL, which cannot import the shared rule; this
// pins them to `periodFigures` of @storesync/schema (as the phone's Today is, on SQLite): random
// books pushed through sync, from nine days back to two days ahead, read in two time zones.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Time zones without daylight saving, so the test can place their midnights by offset. */
const ZONES = [
  ['UTC', 0],
  ['Asia/Kolkata', 5.5 * HOUR],
] as const;

let h: Harness;
beforeAll(async () => {
  h = await createHarness('pg');
});
afterAll(() => h.t.drop());

type Op =
  | { kind: 'sale'; hours: number; total: number; paid: number; walkIn: boolean }
  | { kind: 'payment'; hours: number; amount: number; writeOff: boolean }
  | { kind: 'delete'; target: number };

const hours = fc.integer({ min: -9 * 24, max: 2 * 24 });
const amount = fc.integer({ min: 1, max: 1_000_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('sale' as const), hours, total: amount, paid: amount, walkIn: fc.boolean() }),
  fc.record({ kind: fc.constant('payment' as const), hours, amount, writeOff: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }),
);

function eventsOf(ops: Op[], now: number): PushEvent[] {
  const customerId = randomUUID();
  const event = (entity: PushEvent['entity'], entityId: string, rest: Partial<PushEvent>): PushEvent => ({
    eventUuid: randomUUID(),
    entity,
    entityId,
    op: 'upsert',
    clientUpdatedAt: new Date(now).toISOString(),
    ...rest,
  });
  const events = [event('customers', customerId, { payload: { name: 'Regular' } })];
  const written: { entity: 'sales' | 'payments'; id: string }[] = [];
  for (const o of ops) {
    const id = randomUUID();
    if (o.kind === 'sale') {
      const soldAt = new Date(now + o.hours * HOUR).toISOString();
      const items = [{ name: 'Goods', quantity: 1, unitPrice: o.total }];
      const payload = o.walkIn
        ? { customerId: null, items, total: o.total, paidAmount: o.total, soldAt }
        : { customerId, items, total: o.total, paidAmount: Math.min(o.paid, o.total), soldAt };
      events.push(event('sales', id, { payload }));
      written.push({ entity: 'sales', id });
    } else if (o.kind === 'payment') {
      const paidAt = new Date(now + o.hours * HOUR).toISOString();
      const payload = { customerId, amount: o.amount, paidAt, ...(o.writeOff && { kind: 'writeOff' }) };
      events.push(event('payments', id, { payload }));
      written.push({ entity: 'payments', id });
    } else {
      const target = written[o.target % Math.max(written.length, 1)];
      if (target) events.push(event(target.entity, target.id, { op: 'delete' }));
    }
  }
  return events;
}

/** The sales and repayments a phone of the store holds after pulling everything. */
async function pulledRows(s: WebStore): Promise<PeriodInput> {
  const rows = new Map<string, { entity: string; row: Record<string, unknown> }>();
  for (let cursor = 0, more = true; more; ) {
    const page = await s.phone.api.sync.pull({ cursor, limit: 1000 });
    for (const e of page.events)
      rows.set(e.entityId, { entity: e.entity, row: e.row as Record<string, unknown> });
    ({ cursor, hasMore: more } = page);
  }
  const of = (entity: string) => [...rows.values()].filter((r) => r.entity === entity).map((r) => r.row);
  return { sales: of('sales'), payments: of('payments') } as unknown as PeriodInput;
}

/** Today and this week (from Monday) around `now` in a zone `offset` ms ahead of UTC, as `[from, to)`. */
function bounds(now: number, offset: number) {
  const local = new Date(now + offset);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset;
  const monday = midnight - ((local.getUTCDay() + 6) % 7) * DAY;
  const iso = (t: number) => new Date(t).toISOString();
  return { today: [iso(midnight), iso(midnight + DAY)], week: [iso(monday), iso(monday + 7 * DAY)] } as const;
}

describe('the overview’s sales today and this week, and the daily report’s', () => {
  it('are periodFigures of the same rows, for any book, in the owner’s time zone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const s = await createWebStore(h, `today-${randomUUID()}@example.com`);
        const now = Date.now();
        const pushed = await s.phone.api.sync.push({
          deviceId: s.phone.deviceId,
          events: eventsOf(ops, now),
        });
        expect(pushed.results.filter((r) => r.status === 'rejected')).toEqual([]);
        const rows = await pulledRows(s);
        for (const [timeZone, offset] of ZONES) {
          const overview = await s.web.reports.overview({ timeZone });
          const { today, week } = bounds(now, offset);
          const figures = (from: string, to: string) => {
            const f = periodFigures(rows, from, to);
            return { count: f.salesCount, total: f.salesTotal };
          };
          expect(overview.salesToday, timeZone).toEqual(figures(...today));
          expect(overview.salesThisWeek, timeZone).toEqual({
            ...figures(...week),
            since: new Date(Date.parse(week[0]) + offset).toISOString().slice(0, 10),
          });
          // The daily report's sales, day by day, by the same rule.
          const days = await s.web.reports.daily({ timeZone, days: 10 });
          days.forEach((day, n) => {
            const from = Date.parse(today[0]) - (days.length - 1 - n) * DAY;
            const f = figures(new Date(from).toISOString(), new Date(from + DAY).toISOString());
            expect({ day: day.day, count: day.salesCount, total: day.sales }, timeZone).toEqual({
              day: new Date(from + offset).toISOString().slice(0, 10),
              ...f,
            });
          });
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
