import { type LedgerInput, outstandingTotals, uuidV7 } from '@storesync/schema';

interface Event {
  eventUuid: string;
  entity: string;
  entityId: string;
  op: 'upsert';
  payload: Record<string, unknown>;
  clientUpdatedAt: string;
}

/** A store's session over plain HTTP, as a tool (not a phone) would hold it. */
export async function signInTool(url: string, email: string): Promise<{ token: string; deviceId: string }> {
  const deviceId = `seeder-${uuidV7()}`;
  const res = await fetch(`${url}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, deviceId }),
  });
  return { token: ((await res.json()) as { sessionToken: string }).sessionToken, deviceId };
}

/**
 * Writes a shop's book through `POST /sync/push`, as phones would have: `customers`
 * customers and `entries` debts, repayments and sales spread over them. Returns what
 * the book comes to by the shared rules, for a test to hold the screens to.
 */
export async function seedBook(url: string, email: string, customers: number, entries: number) {
  const { token, deviceId } = await signInTool(url, email);
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const ids = Array.from({ length: customers }, () => uuidV7());
  const events: Event[] = ids.map((id, i) => ({
    eventUuid: uuidV7(),
    entity: 'customers',
    entityId: id,
    op: 'upsert',
    payload: { name: `Customer ${String(i).padStart(5, '0')}`, phone: `+2547${String(i).padStart(8, '0')}` },
    clientUpdatedAt: at,
  }));
  const ledger: Record<'debts' | 'payments' | 'sales', Record<string, unknown>[]> = {
    debts: [],
    payments: [],
    sales: [],
  };
  for (let n = 0; n < entries; n++) {
    const customerId = ids[(n * 7) % customers] as string;
    const id = uuidV7();
    const amount = 100 + ((n * 37) % 5_000);
    const kind = n % 4;
    const entity = kind < 2 ? 'debts' : kind === 2 ? 'payments' : 'sales';
    const payload =
      entity === 'debts'
        ? { customerId, amount }
        : entity === 'payments'
          ? { customerId, amount: Math.floor(amount / 2), paidAt: at }
          : {
              customerId,
              items: [{ name: 'Sugar', quantity: 1, unitPrice: amount }],
              total: amount,
              paidAmount: Math.floor(amount / 3),
              soldAt: at,
            };
    events.push({ eventUuid: uuidV7(), entity, entityId: id, op: 'upsert', payload, clientUpdatedAt: at });
    ledger[entity].push({ id, deletedAt: null, createdAt: at, ...payload });
  }
  for (let i = 0; i < events.length; i += 500) {
    const res = await fetch(`${url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ deviceId, events: events.slice(i, i + 500) }),
    });
    const body = (await res.json()) as { results?: { status: string }[] };
    if (!body.results?.every((r) => r.status === 'applied'))
      throw new Error(`the seed was not applied: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return outstandingTotals(ledger as unknown as LedgerInput);
}
