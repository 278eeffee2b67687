import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from '../test/harness.ts';
import { widestOf } from '../test/plans.ts';
import { deletedSinceSql, netsSql, restoreSince } from './deleted-list.ts';

// Recently deleted in a store the statistics have not seen yet, while another store fills them:
// the page must read the store's recent deletes, not its whole book, whatever the planner
// believes of the store's size.
const CUSTOMERS = 1000;
const DELETED = 10;
const LONG_AGO = Date.now() - 60 * 86_400_000;

/** `CUSTOMERS` customers written two months ago, each with a debt; the customer ids. */
async function fill(d: Device): Promise<string[]> {
  const ids: string[] = [];
  for (let done = 0; done < CUSTOMERS; done += 250) {
    const events = Array.from({ length: 250 }, (_, i) => {
      const id = uuid();
      ids.push(id);
      const at = iso(LONG_AGO + done + i);
      return [
        {
          eventUuid: uuid(),
          entity: 'customers',
          entityId: id,
          op: 'upsert',
          payload: { name: `c${done + i}` },
          clientUpdatedAt: at,
        },
        {
          eventUuid: uuid(),
          entity: 'debts',
          entityId: uuid(),
          op: 'upsert',
          payload: { customerId: id, amount: 500 },
          clientUpdatedAt: at,
        },
      ];
    }).flat();
    await d.api.sync.push({ deviceId: d.deviceId, events });
  }
  return ids;
}

let h: Harness;
let newcomer: Device;
let debtors: string[];
beforeAll(async () => {
  h = await createHarness('pg');
  await fill(await h.device('first@example.com'));
  for (const table of ['customers', 'debts', 'payments', 'sales', 'sync_events']) {
    await h.t.db.$executeRawUnsafe(`ANALYZE ${table}`);
    await h.t.db.$executeRawUnsafe(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
  }
  newcomer = await h.device('second@example.com');
  debtors = (await fill(newcomer)).slice(0, DELETED);
  // Deleted now (settled first, as a delete needs): the store's only recent deletes.
  const now = Date.now();
  const events = debtors.flatMap((id, i) => [
    {
      eventUuid: uuid(),
      entity: 'payments',
      entityId: uuid(),
      op: 'upsert',
      payload: { customerId: id, amount: 500, paidAt: iso(now) },
      clientUpdatedAt: iso(now + i),
    },
    { eventUuid: uuid(), entity: 'customers', entityId: id, op: 'delete', clientUpdatedAt: iso(now + i + 1) },
  ]);
  const pushed = await newcomer.api.sync.push({ deviceId: newcomer.deviceId, events });
  expect(pushed.results.filter((r) => r.status !== 'applied')).toEqual([]);
}, 120_000);
afterAll(() => h.t.drop());

describe('Recently deleted’s plans in a store the statistics have not seen yet', () => {
  it('reads the store’s recent deletes and their rows, not its whole book', async () => {
    const since = restoreSince(new Date());
    for (const entity of ['customers', 'debts', 'payments', 'sales'] as const) {
      const most = await widestOf(h, deletedSinceSql(newcomer.userId, entity, since));
      // About the 10 deletes, not the store's 1,000 customers or 2,000 events of each kind.
      expect(most.rows, `${entity}: ${most.node} read ${most.rows} rows`).toBeLessThanOrEqual(5 * DELETED);
    }
    const nets = await widestOf(h, netsSql(newcomer.userId, debtors));
    expect(nets.rows, `balances: ${nets.node} read ${nets.rows} rows`).toBeLessThanOrEqual(5 * DELETED);
    const listed = await h.t.db.$queryRaw<{ id: string }[]>(
      deletedSinceSql(newcomer.userId, 'customers', since),
    );
    expect(listed.map((r) => r.id).sort()).toEqual([...debtors].sort());
  });
});
