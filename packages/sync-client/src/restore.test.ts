import { describe, expect, it } from 'vitest';
import { RowNotFoundError } from './commit.ts';
import { createScriptedApi, createTestClient } from './test/fake-api.ts';

describe('Repository.restore', () => {
  it('brings a deleted row back as it was, with its balance, through the outbox', async () => {
    const { client, store } = await createTestClient(createScriptedApi().api);
    const amina = await client.customers.create({ name: 'Amina', phone: '0700' });
    const debt = await client.debts.create({ customerId: amina.id, amount: 1_200 });
    await client.debts.delete(debt.id);
    await client.customers.delete(amina.id);
    expect(await client.customers.get(amina.id)).toBeNull();
    expect((await client.reads.deleted('2000-01-01T00:00:00.000Z', 10)).customers).toHaveLength(1);

    await client.customers.restore(amina.id);
    await client.debts.restore(debt.id);
    expect(await client.customers.get(amina.id)).toMatchObject({ name: 'Amina', phone: '0700' });
    expect((await client.reads.balance(amina.id)).owed).toBe(1_200);
    expect((await client.reads.deleted('2000-01-01T00:00:00.000Z', 10)).customers).toHaveLength(0);
    const items = await store.transaction((tx) => tx.listOutbox({ status: 'pending' }));
    expect(items.at(-1)).toMatchObject({ entity: 'debts', op: 'upsert', payload: { note: null } });
  });

  it('refuses a row that is not deleted, or unknown', async () => {
    const { client } = await createTestClient(createScriptedApi().api);
    const amina = await client.customers.create({ name: 'Amina' });
    await expect(client.customers.restore(amina.id)).rejects.toBeInstanceOf(RowNotFoundError);
    await expect(client.debts.restore(amina.id)).rejects.toBeInstanceOf(RowNotFoundError);
  });
});
