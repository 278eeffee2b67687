import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../limits/rules.ts';
import { createHarness, type Harness } from '../test/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await createHarness('pg', {
    maxSessionsPerAccount: 3,
    limits: { ...DEFAULT_RATE_LIMITS, signInPerAccount: { max: 100, windowSeconds: 60 } },
  });
});
afterAll(() => h.t.drop());

const liveSessions = (userId: string) => h.t.db.session.count({ where: { userId, revokedAt: null } });
const works = async (token: string) => {
  const api = await h.callerWith({ authorization: `Bearer ${token}` });
  return api.auth.me().then(
    () => true,
    () => false,
  );
};

describe('createSession', () => {
  it('revokes the device’s older session when it signs in again', async () => {
    const first = await h.device('again@example.com', 'phone-a');
    const second = await h.device('again@example.com', 'phone-a');
    expect(await works(first.token)).toBe(false);
    expect(await works(second.token)).toBe(true);
    expect(await liveSessions(first.userId)).toBe(1);
  });

  it('keeps at most maxSessionsPerAccount live sessions, revoking the oldest', async () => {
    const devices = [];
    for (const id of ['d1', 'd2', 'd3', 'd4']) devices.push(await h.device('many@example.com', id));
    expect(await liveSessions(devices[0]?.userId ?? '')).toBe(3);
    expect(await Promise.all(devices.map((d) => works(d.token)))).toEqual([false, true, true, true]);
  });

  it('lets 20 sign-ins of one device at once leave one live session', async () => {
    const anon = await h.callerWith();
    const all = await Promise.all(
      Array.from({ length: 20 }, () => anon.auth.devSignIn({ email: 'race@example.com', deviceId: 'same' })),
    );
    expect(await liveSessions(all[0]?.user.id ?? '')).toBe(1);
  });
});

describe('auth.devices and auth.revokeDevice', () => {
  it('lists the store’s devices with name and last seen, and signs one out', async () => {
    const anon = await h.callerWith();
    const s = await anon.auth.devSignIn({ email: 'shop@example.com', deviceId: 'till' });
    // Dev sign-in takes no device name; Google sign-in's is stored in this column.
    await h.t.db.session.updateMany({ where: { deviceId: 'till' }, data: { deviceName: 'Till tablet' } });
    expect(await works(s.sessionToken)).toBe(true);
    const phone = await h.device('shop@example.com', 'owner-phone');
    await phone.api.auth.me();
    const list = await phone.api.auth.devices();
    expect(list.map((d) => [d.deviceId, d.deviceName])).toEqual([
      ['owner-phone', null],
      ['till', 'Till tablet'],
    ]);
    for (const d of list) expect(Date.now() - Date.parse(d.lastSeenAt ?? '')).toBeLessThan(61_000);

    await phone.api.auth.revokeDevice({ deviceId: 'till' });
    expect(await works(s.sessionToken)).toBe(false);
    expect((await phone.api.auth.devices()).map((d) => d.deviceId)).toEqual(['owner-phone']);
  });

  it('cannot see or sign out another store’s device', async () => {
    const mine = await h.device('mine@example.com', 'my-phone');
    const theirs = await h.device('theirs@example.com', 'their-phone');
    expect((await mine.api.auth.devices()).map((d) => d.deviceId)).toEqual(['my-phone']);
    await expect(mine.api.auth.revokeDevice({ deviceId: 'their-phone' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await works(theirs.token)).toBe(true);
  });
});
