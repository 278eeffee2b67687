import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createCaller } from '../root.ts';
import { createHarness, type Harness } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';

let h: Harness;
let s: WebStore;
// Devices' clocks in the past hour (the server takes no clock from the future).
const T = Date.now() - 3_600_000;
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();

/** A device of the store signed in under a name, and its push of one upsert. */
async function namedDevice(email: string, deviceId: string, deviceName: string) {
  const anon = await h.callerWith();
  const session = await anon.auth.devSignIn({ email, deviceId, deviceName });
  const api: ReturnType<typeof createCaller> = await h.callerWith({
    authorization: `Bearer ${session.sessionToken}`,
  });
  return (entity: string, entityId: string, payload: Record<string, unknown>, minutes: number) =>
    api.sync.push({
      deviceId,
      events: [
        { eventUuid: randomUUID(), entity, entityId, op: 'upsert', payload, clientUpdatedAt: at(minutes) },
      ],
    });
}

beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'history@example.com');
});
afterAll(() => h.t.drop());

describe('history.row', () => {
  it('shows two devices’ edits of a customer by name, and which value stands', async () => {
    const aminasPhone = await namedDevice('history@example.com', 'phone-a', 'Amina’s phone');
    const till = await namedDevice('history@example.com', 'till-1', 'Till tablet');
    const customer = { id: randomUUID() };
    await aminasPhone('customers', customer.id, { name: 'Amina' }, 0);
    await s.web.customers.update({ id: customer.id, note: 'Regular' });
    await aminasPhone('customers', customer.id, { name: 'Amina W', phone: '+254 700' }, 1);
    await till('customers', customer.id, { name: 'Amina Wanjiru' }, 5);
    // An older edit arriving late loses the merge: nothing applied, nothing logged.
    const late = await aminasPhone('customers', customer.id, { name: 'Late' }, 3);
    expect(late.results[0]?.status).toBe('ignored');

    const history = await s.web.history.row({ entity: 'customers', id: customer.id });
    expect(history.map((e) => [e.device, e.kind, e.changes])).toEqual([
      ['Till tablet', 'edited', [{ field: 'name', from: 'Amina W', to: 'Amina Wanjiru', stands: true }]],
      [
        'Amina’s phone',
        'edited',
        [
          { field: 'name', from: 'Amina', to: 'Amina W', stands: false },
          { field: 'phone', from: null, to: '+254 700', stands: true },
        ],
      ],
      ['Dashboard', 'edited', [{ field: 'note', from: null, to: 'Regular', stands: true }]],
      ['Amina’s phone', 'created', [{ field: 'name', from: null, to: 'Amina', stands: false }]],
    ]);
    expect(history[0]?.editedAt).toBe(at(5));
    expect(history[0]?.receivedAt).toMatch(/Z$/);
  });

  it('shows an amount edited on the dashboard, then the row deleted', async () => {
    const customer = await s.web.customers.create({ name: 'Baraka' });
    const debt = await s.web.debts.create({ customerId: customer.id, amount: 1_500 });
    await s.web.debts.update({ id: debt.id, amount: 2_000 });
    await s.web.debts.delete({ id: debt.id });
    const history = await s.web.history.row({ entity: 'debts', id: debt.id });
    expect(history.map((e) => e.kind)).toEqual(['deleted', 'edited', 'created']);
    expect(history[1]?.changes).toEqual([{ field: 'amount', from: 1_500, to: 2_000, stands: true }]);
    expect(history[0]?.changes).toEqual([]);
  });

  it('answers another store’s id as it answers an unknown one', async () => {
    const other = await createWebStore(h, 'history-other@example.com');
    const theirs = await other.web.customers.create({ name: 'Not yours' });
    const asked = (id: string) => s.web.history.row({ entity: 'customers', id }).catch((e: unknown) => e);
    const [foreign, unknown] = await Promise.all([asked(theirs.id), asked(randomUUID())]);
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', message: 'No such customer' });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'No such customer' });
  });
});
