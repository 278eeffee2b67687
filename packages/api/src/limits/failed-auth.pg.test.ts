import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrpcHandler } from '../http.ts';
import { createLogger } from '../log.ts';
import { metrics } from '../metrics.ts';
import { createRestHandlers } from '../rest.ts';
import { createHarness, type Harness } from '../test/harness.ts';
import { clientAddressOf, PEER_HEADER } from './client-address.ts';

let h: Harness;
const logger = createLogger({ level: 'silent' });
const unlimited = { max: 1_000_000, windowSeconds: 60 };
// Hour-long windows: a test never straddles a window's end (windows are aligned to the clock).
const limits = {
  perSession: unlimited,
  signInPerAddress: unlimited,
  signInPerAccount: unlimited,
  failedAuthPerAddress: { max: 3, windowSeconds: 3600 },
};

beforeAll(async () => {
  h = await createHarness('pg', { limits, trustedProxyHops: 1 });
});
afterAll(() => h.t.drop());

/** A tRPC door of the same database with these proxy hops. */
const doorWithHops = (trustedProxyHops: number) => {
  const handler = createTrpcHandler({
    endpoint: '/api/trpc',
    getDb: async () => h.t.db,
    config: { ...h.config, trustedProxyHops },
    logger,
  });
  return (xff: string, token = 'not-a-session', peer?: string) =>
    handler(
      new Request('http://x/api/trpc/auth.me', {
        headers: {
          authorization: `Bearer ${token}`,
          'x-forwarded-for': xff,
          ...(peer !== undefined && { [PEER_HEADER]: peer }),
        },
      }),
    );
};

const refusals = async () =>
  (await metrics.rateLimitRefusals.get()).values.find((v) => v.labels.rule === 'authfail:address')?.value ??
  0;

describe('the failed-authentication limit', () => {
  it('answers 429 with Retry-After to an address past its bad tokens, on every door, and not another', async () => {
    const door = doorWithHops(1);
    const good = await h.device('failed-auth@example.com');
    const before = await refusals();
    for (let i = 0; i < 3; i++) expect((await door('192.0.2.50')).status, `bad token ${i}`).toBe(401);
    const limited = await door('192.0.2.50');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect((await limited.json()).error.data.code).toBe('TOO_MANY_REQUESTS');
    const rest = await createRestHandlers({ getDb: async () => h.t.db, config: h.config, logger }).me(
      new Request('http://x/auth/me', {
        headers: { authorization: 'Bearer still-not-one', 'x-forwarded-for': '192.0.2.50' },
      }),
    );
    expect(rest.status).toBe(429);
    expect(await refusals()).toBe(before + 2);
    // Another address is not held back; a good token from the limited one is still served.
    expect((await door('192.0.2.51')).status).toBe(401);
    expect((await door('192.0.2.50', good.token)).status).toBe(200);
  });

  it('never writes for a good token', async () => {
    const d = await h.device('failed-auth-good@example.com');
    for (let i = 0; i < 5; i++) expect((await doorWithHops(1)('192.0.2.60', d.token)).status).toBe(200);
    expect(await h.t.db.rateLimit.count({ where: { key: 'authfail:address:192.0.2.60' } })).toBe(0);
  });
});

describe('X-Forwarded-For', () => {
  it('is ignored with no trusted proxy (the default): the socket peer is the address', async () => {
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '198.51.100.1' }), 0)).toBe(null);
    expect(
      clientAddressOf(new Headers({ 'x-forwarded-for': '198.51.100.1', [PEER_HEADER]: '192.0.2.9' }), 0),
    ).toBe('192.0.2.9');
    const door = doorWithHops(0);
    // A client choosing a new X-Forwarded-For each time is still the same peer.
    for (let i = 0; i < 3; i++)
      expect((await door(`198.51.100.${i}`, undefined, '192.0.2.70')).status).toBe(401);
    expect((await door('198.51.100.99', undefined, '192.0.2.70')).status).toBe(429);
    expect((await door('198.51.100.99', undefined, '192.0.2.71')).status).toBe(401);
    // With no peer known (a dev server), nobody shares a budget that one client could use up.
    for (let i = 0; i < 5; i++) expect((await door(`198.51.100.${i}`)).status).toBe(401);
  });

  it('is honoured one hop deep behind one trusted proxy: the entry the proxy appended', async () => {
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.7' }), 1)).toBe(
      '203.0.113.7',
    );
    const door = doorWithHops(1);
    for (let i = 0; i < 3; i++) expect((await door(`10.0.0.${i}, 203.0.113.7`)).status).toBe(401);
    expect((await door('10.9.9.9, 203.0.113.7')).status).toBe(429);
    expect((await door('203.0.113.8')).status).toBe(401);
  });
});
