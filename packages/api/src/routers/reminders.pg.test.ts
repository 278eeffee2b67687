import { SETTINGS_ID } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, upsertEvent } from '../test/harness.ts';
import { createWebStore, type WebStore } from '../test/web-store.ts';

let h: Harness;
let store: WebStore;
let rival: WebStore;
beforeAll(async () => {
  h = await createHarness('pg');
  store = await createWebStore(h, 'reminders@example.com');
  rival = await createWebStore(h, 'reminders-rival@example.com');
}, 60_000);
afterAll(() => h.t.drop());

describe('reminders (dashboard)', () => {
  it('prepares the facts of a reminder with a live link made once, and records the reminder as a synced row', async () => {
    const settings = upsertEvent(
      'settings',
      SETTINGS_ID,
      {
        shopName: 'Duka la Amina',
        currency: 'KES',
        country: 'KE',
        language: 'sw',
        reminderTemplates: { sw: 'Lipa {amount}' },
      },
      Date.now(),
    );
    await store.phone.api.sync.push({ deviceId: store.phone.deviceId, events: [settings as never] });
    expect(await store.web.reminders.country()).toEqual({ country: 'KE' });
    expect(await rival.web.reminders.country()).toEqual({ country: null });
    const baraka = await store.web.customers.create({ name: 'Baraka', phone: '+254712345678' });
    await store.web.debts.create({ customerId: baraka.id, amount: 40_000, dueDate: '2020-02-01' });
    await store.web.debts.create({ customerId: baraka.id, amount: 10_000, dueDate: '2099-02-01' });

    const { result: facts, event } = await store.expectOneEvent(() =>
      store.web.reminders.prepare({ customerId: baraka.id }),
    );
    expect(event.entity).toBe('links');
    expect(facts).toMatchObject({
      name: 'Baraka',
      phone: '+254712345678',
      language: 'sw',
      owed: 50_000,
      dueDate: '2020-02-01',
      shopName: 'Duka la Amina',
      currency: 'KES',
      country: 'KE',
      templates: { sw: 'Lipa {amount}' },
      link: { id: event.entityId, token: event.row?.token },
    });
    // The live link is reused: no second link.
    const again = await store.web.reminders.prepare({ customerId: baraka.id });
    expect(again.link).toEqual(facts.link);

    const sent = await store.expectOneEvent(() =>
      store.web.reminders.create({
        customerId: baraka.id,
        channel: 'whatsapp',
        amount: 50_000,
        linkId: facts.link.id,
      }),
    );
    expect(sent.event).toMatchObject({ entity: 'reminders', op: 'upsert' });
    expect(sent.event.row).toMatchObject({
      customerId: baraka.id,
      channel: 'whatsapp',
      amount: 50_000,
      linkId: facts.link.id,
    });
    const [listed] = await store.web.reminders.list({ customerId: baraka.id });
    expect(listed).toMatchObject({ id: sent.event.entityId, channel: 'whatsapp', amount: 50_000 });
  });

  it('never prepares, records or lists another store’s customer', async () => {
    const theirs = await rival.web.customers.create({ name: 'Zawadi' });
    await rival.web.reminders.create({ customerId: theirs.id, channel: 'sms', amount: 1, linkId: null });
    await expect(store.web.reminders.prepare({ customerId: theirs.id })).rejects.toThrow();
    await expect(
      store.web.reminders.create({ customerId: theirs.id, channel: 'sms', amount: 1, linkId: null }),
    ).rejects.toThrow();
    expect(await store.web.reminders.list({ customerId: theirs.id })).toEqual([]);
    expect(await rival.web.reminders.list({ customerId: theirs.id })).toHaveLength(1);
  });
});
