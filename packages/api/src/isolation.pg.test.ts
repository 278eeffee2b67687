import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from './test/harness.ts';

let h: Harness;
let a: Device;
let b: Device;
const ids = { customer: uuid(), other: uuid(), debt: uuid() };
const aEventUuid = uuid();
const ev = (
  entity: string,
  entityId: string,
  op: string,
  payload?: Record<string, unknown>,
  eventUuid = uuid(),
) => ({
  eventUuid,
  entity,
  entityId,
  op,
  payload,
  clientUpdatedAt: iso(Date.now()),
});

beforeAll(async () => {
  h = await createHarness('pg');
  a = await h.device('alice@example.com', 'alice-phone');
  b = await h.device('bob@example.com', 'bob-phone');
  const r = await a.api.sync.push({
    deviceId: a.deviceId,
    events: [
      ev('customers', ids.customer, 'upsert', { name: 'Alice’s customer', phone: '111' }, aEventUuid),
      ev('customers', ids.other, 'upsert', { name: 'Another' }),
      ev('debts', ids.debt, 'upsert', { customerId: ids.customer, amount: 500 }),
    ],
  });
  expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
});
afterAll(() => h.t.drop());

const pullAll = async (d: Device) => (await d.api.sync.pull({ cursor: 0, limit: 1000 })).events;

describe('store isolation', () => {
  it('shows a store nothing of another store in pull', async () => {
    expect(await pullAll(b)).toEqual([]);
  });

  it('gives a store reusing another store’s id a row of its own, leaving the other untouched', async () => {
    const r = await b.api.sync.push({
      deviceId: b.deviceId,
      events: [ev('customers', ids.customer, 'upsert', { name: 'Bob’s customer' }, aEventUuid)],
    });
    // Same id and even the same event uuid: a new row for Bob, not a duplicate of Alice's event.
    expect(r.results[0]).toMatchObject({
      status: 'applied',
      row: { name: 'Bob’s customer', phone: null, rowVersion: 1 },
    });
    const aliceRows = (await pullAll(a)).filter((e) => e.entityId === ids.customer);
    expect(aliceRows.map((e) => e.row.name)).toEqual(['Alice’s customer']);
  });

  it('answers for another store’s ids exactly as for ids that exist nowhere', async () => {
    const nowhere = uuid();
    const r = await b.api.sync.push({
      deviceId: b.deviceId,
      events: [
        ev('debts', ids.debt, 'delete'),
        ev('debts', nowhere, 'delete'),
        ev('debts', uuid(), 'upsert', { customerId: ids.other, amount: 1 }),
        ev('debts', uuid(), 'upsert', { customerId: nowhere, amount: 1 }),
        ev('debts', ids.debt, 'upsert', { amount: 9 }),
      ],
    });
    const [d1, d2, ref1, ref2, upd] = r.results;
    expect(d1?.status).toBe('rejected');
    expect(d1?.error?.message.replace(ids.debt, 'ID')).toBe(d2?.error?.message.replace(nowhere, 'ID'));
    expect(ref1?.error).toEqual(ref2?.error);
    expect(upd).toMatchObject({ status: 'rejected', error: { code: 'MISSING_FIELDS' } });
    const aliceDebt = (await pullAll(a)).find((e) => e.entityId === ids.debt);
    expect(aliceDebt?.row).toMatchObject({ amount: 500, deletedAt: null });
  });

  it('keeps each store’s change log to itself', async () => {
    const aliceDevices = new Set((await pullAll(a)).map((e) => e.deviceId));
    const bobDevices = new Set((await pullAll(b)).map((e) => e.deviceId));
    expect([...aliceDevices]).toEqual(['alice-phone']);
    expect([...bobDevices]).toEqual(['bob-phone']);
  });

  it('does not let a session act as another store by naming its device', async () => {
    await expect(
      b.api.sync.push({ deviceId: a.deviceId, events: [ev('debts', ids.debt, 'delete')] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
