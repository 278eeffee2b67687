import { SETTINGS_ID } from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, iso, uuid } from '../test/harness.ts';
import { createWebStore, WEB_DEVICE, type WebStore } from '../test/web-store.ts';

let h: Harness;
let s: WebStore;
let other: WebStore;
beforeAll(async () => {
  h = await createHarness('pg');
  s = await createWebStore(h, 'settings@example.com');
  other = await createWebStore(h, 'settings-other@example.com');
});
afterAll(() => h.t.drop());

describe('settingsRouter', () => {
  it('reads nothing chosen for a new store', async () => {
    expect(await s.web.settings.get()).toEqual({ currency: null, shopName: null });
  });

  it('sets the currency as one sync event that a phone pulls, at the well-known id', async () => {
    const { result, event } = await s.expectOneEvent(() => s.web.settings.update({ currency: 'KES' }));
    expect(result).toEqual({ currency: 'KES', shopName: null });
    expect(event).toMatchObject({
      entity: 'settings',
      entityId: SETTINGS_ID,
      row: { currency: 'KES', updatedByDeviceId: WEB_DEVICE },
    });
    expect(await s.web.settings.get()).toEqual({ currency: 'KES', shopName: null });
    // Another store's settings are its own.
    expect(await other.web.settings.get()).toEqual({ currency: null, shopName: null });
  });

  it('changes only the field it is given, keeping a phone’s edit of the other', async () => {
    await s.phone.api.sync.push({
      deviceId: s.phone.deviceId,
      events: [
        {
          eventUuid: uuid(),
          entity: 'settings',
          entityId: SETTINGS_ID,
          op: 'upsert',
          payload: { shopName: 'Duka la Amina' },
          clientUpdatedAt: iso(Date.now()),
        },
      ],
    });
    expect(await s.web.settings.update({ currency: 'UGX' })).toEqual({
      currency: 'UGX',
      shopName: 'Duka la Amina',
    });
  });

  it('refuses a retired currency, or nothing to change, and changes nothing', async () => {
    await expect(s.web.settings.update({ currency: 'HRK' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(s.web.settings.update({})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await s.web.settings.get()).toEqual({ currency: 'UGX', shopName: 'Duka la Amina' });
  });
});
