import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from '../test/harness.ts';

// The rows "getting paid" and "the shop's language" sync: statement links, reminders,
// a customer's language, and the one date a debt shows (recordedAt, debtDate).

const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const TOKEN = 'q3Jz8x0-Kk_2bV7yYtR5aQ';
const push = (d: Device, entity: string, entityId: string, payload: Record<string, unknown>, ms = T0) =>
  d.api.sync
    .push({
      deviceId: d.deviceId,
      events: [
        { eventUuid: uuid(), entity, entityId, op: 'upsert', payload, clientUpdatedAt: iso(ms) } as never,
      ],
    })
    .then((r) => r.results[0]);
const pulled = async (d: Device, entity: string, id: string) => {
  const page = await d.api.sync.pull({ cursor: 0, limit: 500 });
  return page.events.filter((e) => e.entity === entity && e.entityId === id).at(-1)?.row;
};

let h: Harness;
let phone: Device;
let tablet: Device;
let other: Device;
const amina = uuid();
beforeAll(async () => {
  h = await createHarness('pg');
  phone = await h.device('duka@example.com', 'phone');
  tablet = await h.device('duka@example.com', 'tablet');
  other = await h.device('other@example.com', 'phone');
  expect(
    (await push(phone, 'customers', amina, { name: 'Amina', phone: null, note: null, language: 'sw' }))
      ?.status,
  ).toBe('applied');
}, 60_000);
afterAll(() => h.t.drop());

describe('the rows of getting paid', () => {
  it('a customer carries the language they read, pulled by the store’s other device', async () => {
    expect(await pulled(tablet, 'customers', amina)).toMatchObject({ name: 'Amina', language: 'sw' });
    expect((await push(phone, 'customers', amina, { language: 'not a tag!' }, T0 + 1))?.error?.code).toBe(
      'INVALID_PAYLOAD',
    );
  });

  it('a debt keeps the date its device gave it; one from an older client is dated by its clock', async () => {
    const given = uuid();
    const old = uuid();
    const backDated = '2026-02-20T08:00:00.000Z';
    await push(phone, 'debts', given, { customerId: amina, amount: 500, recordedAt: backDated }, T0 + 5_000);
    await push(phone, 'debts', old, { customerId: amina, amount: 700 }, T0 + 6_000);
    expect(await pulled(tablet, 'debts', given)).toMatchObject({ recordedAt: backDated });
    expect(await pulled(tablet, 'debts', old)).toMatchObject({ recordedAt: iso(T0 + 6_000) });
    // An edit that leaves the date out keeps it.
    await push(phone, 'debts', old, { amount: 800 }, T0 + 7_000);
    expect(await pulled(tablet, 'debts', old)).toMatchObject({ amount: 800, recordedAt: iso(T0 + 6_000) });
    // The dashboard shows the same date, and orders by it: the back-dated debt is the older.
    const listed = (await tablet.api.debts.list({ limit: 10, cursor: 0 })).items;
    expect(listed.map((d) => [d.id, d.recordedAt])).toEqual([
      [old, iso(T0 + 6_000)],
      [given, backDated],
    ]);
    const history = await tablet.api.customers.timeline({ id: amina, limit: 10 });
    expect(history.map((e) => e.at)).toEqual([iso(T0 + 6_000), backDated]);
  });

  it('a statement link and a reminder sync to the store and never to another store', async () => {
    const link = uuid();
    const reminder = uuid();
    const expiresAt = iso(T0 + 60 * 86_400_000);
    expect((await push(phone, 'links', link, { customerId: amina, token: TOKEN, expiresAt }))?.status).toBe(
      'applied',
    );
    const sent = {
      customerId: amina,
      channel: 'whatsapp',
      amount: 1300,
      linkId: link,
      sentAt: iso(T0 + 9_000),
    };
    expect((await push(phone, 'reminders', reminder, sent))?.status).toBe('applied');
    expect(await pulled(tablet, 'links', link)).toMatchObject({
      token: TOKEN,
      expiresAt,
      lastOpenedAt: null,
    });
    expect(await pulled(tablet, 'reminders', reminder)).toMatchObject({
      channel: 'whatsapp',
      amount: 1300,
      linkId: link,
    });
    expect(await pulled(other, 'links', link)).toBeUndefined();
    // Another store cannot point its reminder at this store's link or customer.
    const stolen = await push(other, 'reminders', uuid(), { ...sent, customerId: uuid() });
    expect(stolen?.error?.code).toBe('NOT_FOUND');
  });

  it('refuses a token too short to be unguessable, and an unknown channel, changing nothing', async () => {
    const short = await push(phone, 'links', uuid(), { customerId: amina, token: 'abc', expiresAt: iso(T0) });
    expect(short?.error).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(short?.error?.message).toContain('payload.token');
    const channel = await push(phone, 'reminders', uuid(), {
      customerId: amina,
      channel: 'pigeon',
      amount: 1,
      linkId: null,
      sentAt: iso(T0),
    });
    expect(channel?.error?.message).toContain('payload.channel');
  });
});
