import { SETTINGS_ID } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from '../test/harness.ts';

const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const set = (d: Device, payload: Record<string, unknown>, ms: number) =>
  d.api.sync.push({
    deviceId: d.deviceId,
    events: [
      {
        eventUuid: uuid(),
        entity: 'settings',
        entityId: SETTINGS_ID,
        op: 'upsert',
        payload,
        clientUpdatedAt: iso(ms),
      },
    ],
  });
const pulledSettings = async (d: Device) => {
  const page = await d.api.sync.pull({ cursor: 0, limit: 500 });
  return page.events.filter((e) => e.entity === 'settings').at(-1)?.row;
};

let h: Harness;
let phone: Device;
let tablet: Device;
let other: Device;
beforeAll(async () => {
  h = await createHarness('pg');
  phone = await h.device('duka@example.com', 'phone');
  tablet = await h.device('duka@example.com', 'tablet');
  other = await h.device('other@example.com', 'phone');
}, 60_000);
afterAll(() => h.t.drop());

describe('the store settings entity', () => {
  it('is set by one device at the well-known id and pulled by another of the store, not by another store', async () => {
    const [res] = (await set(phone, { currency: 'KES', shopName: 'Duka la Amina' }, T0)).results;
    expect(res?.status).toBe('applied');
    expect(await pulledSettings(tablet)).toMatchObject({
      id: SETTINGS_ID,
      currency: 'KES',
      shopName: 'Duka la Amina',
      updatedByDeviceId: 'phone',
    });
    // Each store has its own row at the same id.
    expect(await pulledSettings(other)).toBeUndefined();
    const [own] = (await set(other, { currency: 'UGX' }, T0)).results;
    expect(own?.row).toMatchObject({ currency: 'UGX', shopName: null, rowVersion: 1 });
    expect(await pulledSettings(tablet)).toMatchObject({ currency: 'KES' });
  });

  it('merges two devices’ offline settings field by field, the later edit of a field winning', async () => {
    await set(tablet, { currency: 'TZS' }, T0 + 2_000);
    // The phone's currency is older than the tablet's; its shop name is the newest.
    await set(phone, { currency: 'USD', shopName: 'Amina’s' }, T0 + 1_000);
    expect(await pulledSettings(tablet)).toMatchObject({ currency: 'TZS', shopName: 'Amina’s' });
  });

  it('refuses a retired or unknown currency and changes nothing', async () => {
    for (const currency of ['HRK', 'kes', 'ABC']) {
      const [res] = (await set(phone, { currency }, T0 + 10_000)).results;
      expect(res?.status).toBe('rejected');
      expect(res?.error?.code).toBe('INVALID_PAYLOAD');
      expect(res?.error?.message).toContain('payload.currency');
    }
    expect(await pulledSettings(tablet)).toMatchObject({ currency: 'TZS' });
  });
});
