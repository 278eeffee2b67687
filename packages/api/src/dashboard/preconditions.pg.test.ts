import type { Db, SqlDb, SqlRunner } from '@storesync/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import { createHarness, type Device, type Harness, iso, uuid } from '../test/harness.ts';

let h: Harness;
let phone: Device;

beforeAll(async () => {
  h = await createHarness('pg');
  phone = await h.device('race@example.com', 'race-phone');
});
afterAll(() => h.t.drop());

/**
 * The dashboard's caller on a database that runs `between` just before the
 * dashboard's push transaction begins: after any check made outside it.
 */
function webCallerWith(between: () => Promise<void>) {
  const real = h.t.db.sql;
  let fired = false;
  const sql: SqlDb = {
    query: real.query,
    transaction: async <T>(fn: (tx: SqlRunner) => Promise<T>) => {
      if (!fired) {
        fired = true;
        await between();
      }
      return real.transaction(fn);
    },
  };
  const db = new Proxy(h.t.db, { get: (t, key) => (key === 'sql' ? sql : Reflect.get(t, key)) }) as Db;
  return createCaller(
    createContextInner({
      db,
      config: h.config,
      auth: {
        user: { id: phone.userId, email: 'race@example.com', name: null },
        deviceId: 'web:race',
        sessionId: null,
      },
    }),
  );
}

const createCustomer = async (name: string) => {
  const id = uuid();
  await phone.api.sync.push({
    deviceId: phone.deviceId,
    events: [
      {
        eventUuid: uuid(),
        entity: 'customers',
        entityId: id,
        op: 'upsert',
        payload: { name },
        clientUpdatedAt: iso(Date.now() - 120_000),
      },
    ],
  });
  return id;
};
// A delete the phone made offline a minute ago, arriving now: older than the dashboard's edit.
const phoneDeletes = (entity: 'customers' | 'debts', id: string) => () =>
  phone.api.sync
    .push({
      deviceId: phone.deviceId,
      events: [
        { eventUuid: uuid(), entity, entityId: id, op: 'delete', clientUpdatedAt: iso(Date.now() - 60_000) },
      ],
    })
    .then((r) => expect(r.results[0]?.status).toBe('applied'));
const deletedAt = async (id: string) =>
  (await h.t.db.customer.findFirst({ where: { id }, select: { deletedAt: true } }))?.deletedAt ?? 'missing';

describe('dashboard writes against a phone’s delete landing first', () => {
  it('does not revive a customer deleted between the edit’s start and its push', async () => {
    const id = await createCustomer('Doomed');
    const web = webCallerWith(phoneDeletes('customers', id));
    await expect(web.customers.update({ id, name: 'Edited on the web' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such customer',
    });
    expect(await deletedAt(id)).toBeInstanceOf(Date);
    const events = await h.t.db.syncEvent.count({ where: { entityId: id, deviceId: 'web:race' } });
    expect(events).toBe(0);
  });

  it('does not record a debt for a customer deleted in between', async () => {
    const id = await createCustomer('Gone');
    const web = webCallerWith(phoneDeletes('customers', id));
    await expect(web.debts.create({ customerId: id, amount: 500 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await h.t.db.debt.count({ where: { customerId: id } })).toBe(0);
  });

  it('still edits a live row', async () => {
    const id = await createCustomer('Alive');
    const web = webCallerWith(async () => {});
    expect(await web.customers.update({ id, name: 'Renamed' })).toMatchObject({ name: 'Renamed' });
  });
});
