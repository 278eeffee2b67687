import { beforeAll, describe, expect, it } from 'vitest';
import { createRestHandlers } from './rest.ts';
import { signIdToken, type TestKey } from './test/google.ts';
import { createGoogleHarness } from './test/google-harness.ts';
import { type Device, type Harness, iso, uuid } from './test/harness.ts';
import { createWebStore, type WebStore } from './test/web-store.ts';

// Inputs PostgreSQL cannot store (a lone UTF-16 surrogate, a NUL, year 0) used
// to pass validation and fail the whole request with a 500, so a phone's outbox
// retried the same batch forever. Each is now refused where it is validated.
let h: Harness;
let d: Device;
let s: WebStore;
let rest: ReturnType<typeof createRestHandlers>;
let key: TestKey;

beforeAll(async () => {
  const g = await createGoogleHarness();
  ({ h, key } = g);
  return g.close;
});
beforeAll(async () => {
  d = await h.device('unstorable@example.com', 'phone-unstorable');
  s = await createWebStore(h, 'unstorable-web@example.com');
  rest = createRestHandlers({ getDb: async () => h.t.db, config: h.config });
});

const YEAR_0 = '0000-01-01T00:00:00.000Z';
const event = (entity: string, payload: Record<string, unknown>, clientUpdatedAt = iso(Date.now())) => ({
  eventUuid: uuid(),
  entity,
  entityId: uuid(),
  op: 'upsert',
  payload,
  clientUpdatedAt,
});
const customer = (name: string) => event('customers', { name });
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
  body: JSON.stringify(body),
});
const pushTrpc = async (events: unknown[]) => {
  const res = await h.http('sync.push', json({ deviceId: d.deviceId, events }));
  return { status: res.status, body: (await res.json()).result?.data };
};
const pushRest = async (events: unknown[]) => {
  const res = await rest.push(
    new Request('http://localhost/sync/push', json({ deviceId: d.deviceId, events })),
  );
  return { status: res.status, body: await res.json() };
};
const statuses = (body: { results: { status: string; error?: { code: string } }[] }) =>
  body.results.map((r) => r.error?.code ?? r.status);

describe('a push batch with one event the database cannot store', () => {
  it.each([
    ['tRPC', pushTrpc],
    ['plain HTTP', pushRest],
  ])('rejects a lone surrogate in a payload string and applies the rest (%s)', async (_door, push) => {
    const { status, body } = await push([customer('before'), customer('x\udc00'), customer('after')]);
    expect(status).toBe(200);
    expect(statuses(body)).toEqual(['applied', 'INVALID_PAYLOAD', 'applied']);
    expect(body.results[1].error.message).toMatch(/payload\.name: .*lone surrogates/);
  });

  it('rejects a year-0 clientUpdatedAt, soldAt or paidAt and applies the rest', async () => {
    const c = customer('Year zero');
    const sale = { items: [{ name: 'x', quantity: 1, unitPrice: 1 }], total: 1, paidAmount: 1 };
    const { status, body } = await pushTrpc([
      c,
      event('sales', { ...sale, soldAt: YEAR_0, customerId: null }),
      event('payments', { customerId: c.entityId, amount: 5, paidAt: YEAR_0 }),
      event('payments', { customerId: c.entityId, amount: 5, paidAt: '0001-01-01T00:30:00.000+01:00' }),
      event('debts', { customerId: c.entityId, amount: 5, dueDate: '0000-12-31' }),
      event('sales', { ...sale, soldAt: iso(Date.now()), customerId: null }),
    ]);
    expect(status).toBe(200);
    expect(statuses(body)).toEqual([
      'applied',
      'INVALID_PAYLOAD',
      'INVALID_PAYLOAD',
      'INVALID_PAYLOAD',
      'INVALID_PAYLOAD',
      'applied',
    ]);
    expect(body.results[1].error.message).toMatch(
      /payload\.soldAt: must be a date between 1970-01-01T00:00:00.000Z and 9999-12-30T23:59:59.999Z/,
    );
    const old = await pushTrpc([{ ...customer('old clock'), clientUpdatedAt: YEAR_0 }, customer('fine')]);
    expect(old.status).toBe(200);
    expect(statuses(old.body)).toEqual(['INVALID_EVENT', 'applied']);
  });
});

describe('dashboard procedures given what the database cannot store', () => {
  it('refuses a customer name with a lone surrogate as BAD_REQUEST, writing nothing', async () => {
    const before = await h.t.db.customer.count();
    await expect(s.web.customers.create({ name: 'a\ud800b' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('lone surrogates'),
    });
    expect(await h.t.db.customer.count()).toBe(before);
  });

  it('refuses a sales.list range from year 0 as BAD_REQUEST', async () => {
    await expect(s.web.sales.list({ from: YEAR_0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('must be a date between'),
    });
  });

  it('refuses a NUL in customers.list’s search as BAD_REQUEST', async () => {
    await expect(s.web.customers.list({ search: 'a\0b' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('must not contain NUL'),
    });
  });
});

describe('time zones PostgreSQL does not know by the name given', () => {
  it('answers the reports in a zone Intl accepts under an old alias (US/Pacific-New)', async () => {
    expect(await s.web.reports.overview({ timeZone: 'US/Pacific-New' })).toMatchObject({ outstanding: 0 });
    expect(await s.web.reports.daily({ timeZone: 'EST5EDT', days: 2 })).toHaveLength(2);
  });
});

describe('auth.signIn with a signed ID token the database cannot store', () => {
  it.each([
    ['email', { sub: 'nul-email', email: 'a\0b@example.com' }],
    ['sub', { sub: 'nul\0sub' }],
    ['name', { sub: 'surrogate-name', name: 'Ada \ud83d' }],
  ])(
    'refuses a NUL or lone surrogate in the %s claim as UNAUTHORIZED, creating no user',
    async (claim, claims) => {
      const before = await h.t.db.user.count();
      const idToken = await signIdToken(key, claims);
      await expect(
        (await h.callerWith()).auth.signIn({ idToken, deviceId: 'phone-claims' }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining(claim) });
      expect(await h.t.db.user.count()).toBe(before);
    },
  );
});
