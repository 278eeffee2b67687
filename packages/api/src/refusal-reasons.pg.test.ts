import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from './test/harness.ts';

// A refused dashboard write carries its reason as a code in tRPC's `error.data` (beside tRPC's
// own `data.code`), so the dashboard says it in the owner's language without reading English.
let h: Harness;
let d: Device;

beforeAll(async () => {
  h = await createHarness('pg');
  d = await h.device('refusals@example.com', 'refusals-phone');
});
afterAll(() => h.t.drop());

/** A dashboard mutation over HTTP, as the browser sends it; the tRPC error of its answer. */
async function refused(path: string, input: unknown) {
  const res = await h.http(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { error?: { message: string; data: Record<string, unknown> } };
  if (!body.error) throw new Error(`${path} was not refused`);
  return { status: res.status, ...body.error };
}

/** A customer who owes 500, pushed from the phone. */
async function owingCustomer(): Promise<string> {
  const customerId = uuid();
  const now = iso(Date.now());
  const events = [
    { entity: 'customers', entityId: customerId, payload: { name: 'Wanjiru' } },
    { entity: 'debts', entityId: uuid(), payload: { customerId, amount: 500 } },
  ].map((e) => ({ ...e, eventUuid: uuid(), op: 'upsert', clientUpdatedAt: now }));
  const { results } = await d.api.sync.push({ deviceId: d.deviceId, events });
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return customerId;
}

describe('error.data of a refused dashboard write', () => {
  it('names why a customer cannot be deleted, keeping tRPC’s code and the English message', async () => {
    const id = await owingCustomer();
    const error = await refused('customers.delete', { id });
    expect(error.status).toBe(409);
    expect(error.data).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      path: 'customers.delete',
      reason: 'CUSTOMER_HAS_BALANCE',
      params: { entity: 'customers' },
    });
    expect(error.message).toMatch(/^CUSTOMER_HAS_BALANCE: the customer owes 500/);
  });

  it('names the entity of a row deleted meanwhile, and a balance that moved', async () => {
    const id = await owingCustomer();
    const debt = await refused('debts.update', { id: uuid(), amount: 100 });
    expect(debt.data).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND', params: { entity: 'debts' } });
    const writeOff = await refused('customers.writeOff', { id, net: 499 });
    expect(writeOff.data).toMatchObject({ code: 'CONFLICT', reason: 'BALANCE_CHANGED' });
  });

  it('names the sale rule broken and its field', async () => {
    const error = await refused('sales.create', {
      items: [{ name: 'Tea', quantity: 2, unitPrice: 100 }],
      paidAmount: 50,
      customerId: null,
    });
    expect(error.data).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'SALE_NEEDS_CUSTOMER',
      params: { entity: 'sales', field: 'customerId' },
    });
  });

  it('lists each invalid field with zod’s code and the schema’s message', async () => {
    const error = await refused('sales.create', {
      items: [{ name: 'Tea', quantity: 0, unitPrice: 100 }],
      paidAmount: 0,
    });
    expect(error.message).toBe('items.0.quantity: Must be more than zero');
    expect(error.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(error.data.reason).toBeUndefined();
    expect(error.data.issues).toEqual([
      {
        path: 'items.0.quantity',
        code: 'too_small',
        message: 'Must be more than zero',
        minimum: 0,
        origin: 'number',
      },
    ]);
  });

  it('adds nothing to an error that is no refusal', async () => {
    const res = await h.http('customers.delete', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: uuid() }),
    });
    const { error } = (await res.json()) as { error: { data: Record<string, unknown> } };
    expect(Object.keys(error.data).sort()).toEqual(['code', 'httpStatus', 'path']);
  });
});
