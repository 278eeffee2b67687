import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { createWebStore, type WebStore } from '../../test/web-store.ts';

// The dashboard sets the language a customer reads (statements, reminders): customers.language.
let h: Harness;
let store: WebStore;
beforeAll(async () => {
  h = await createHarness('pg');
  store = await createWebStore(h, 'language@example.com');
}, 60_000);
afterAll(() => h.t.drop());

describe('a customer’s language on the dashboard', () => {
  it('is set, changed and cleared through the write path, and pulled by the phone', async () => {
    const { result, event } = await store.expectOneEvent(() =>
      store.web.customers.create({ name: 'Farah', language: 'ur' }),
    );
    expect(event.row).toMatchObject({ name: 'Farah', language: 'ur' });
    const changed = await store.expectOneEvent(() =>
      store.web.customers.update({ id: result.id, language: 'sw' }),
    );
    expect(changed.event.row).toMatchObject({ language: 'sw' });
    const cleared = await store.expectOneEvent(() =>
      store.web.customers.update({ id: result.id, language: null }),
    );
    expect(cleared.event.row).toMatchObject({ name: 'Farah', language: null });
    await expect(store.web.customers.update({ id: result.id, language: 'not a tag!' })).rejects.toThrow();
  });
});
