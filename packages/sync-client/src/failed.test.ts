import { describe, expect, it, vi } from 'vitest';
import { FailedChangeNotFoundError } from './failed.ts';
import { createTestClient, rejectingBadNotes } from './test/fake-api.ts';

describe('failed changes', () => {
  it('lists rejected changes oldest first with the reason, and discards one at a time', async () => {
    const { client } = await createTestClient(rejectingBadNotes().api);
    const first = await client.customers.create({ name: 'Amina', note: 'bad' });
    await client.customers.create({ name: 'fine' });
    const second = await client.debts.create({ customerId: first.id, amount: 100, note: 'bad' });
    await client.syncNow();

    const failed = await client.failedChanges();
    expect(failed).toEqual([
      {
        id: expect.any(Number),
        entity: 'customers',
        entityId: first.id,
        op: 'upsert',
        payload: { name: 'Amina', phone: null, note: 'bad', language: null },
        reason: 'INVALID_PAYLOAD: no',
        clientUpdatedAt: first.updatedAt,
      },
      expect.objectContaining({ entity: 'debts', entityId: second.id, reason: 'INVALID_PAYLOAD: no' }),
    ]);
    expect(client.status.get().failed).toBe(2);

    const customers = vi.fn();
    const debts = vi.fn();
    client.subscribe(['customers'], customers);
    client.subscribe(['debts'], debts);
    await client.discardFailed(failed[0]?.id ?? 0);
    expect(customers).toHaveBeenCalledTimes(1);
    expect(debts).not.toHaveBeenCalled();
    expect(client.status.get().failed).toBe(1);
    expect((await client.failedChanges()).map((f) => f.entity)).toEqual(['debts']);
  });

  it('refuses to discard what is not a rejected change, changing nothing', async () => {
    const { client } = await createTestClient(rejectingBadNotes().api);
    await client.customers.create({ name: 'waiting' });
    const listener = vi.fn();
    client.subscribe(['customers'], listener);
    // Item 1 is pending, 99 does not exist.
    await expect(client.discardFailed(1)).rejects.toThrow(FailedChangeNotFoundError);
    await expect(client.discardFailed(99)).rejects.toThrow('No rejected change 99');
    expect(client.status.get()).toMatchObject({ pending: 1, failed: 0 });
    expect(listener).not.toHaveBeenCalled();
  });
});
