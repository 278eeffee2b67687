import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultApiConfig } from '../config.ts';
import { createTrpcHandler } from '../http.ts';
import { createLogger } from '../log.ts';
import { createHarness, type Harness, upsertEvent, uuid } from '../test/harness.ts';
import { hitLimit } from './limiter.ts';
import { DEFAULT_RATE_LIMITS, type LimitRule } from './rules.ts';

// What the per-session limit costs a sync request: a pull's and a push's mean time through the
// tRPC door, with the default rule (hits counted in memory, added in batches) and with every hit
// written (`batch: 1`, the limiter before batching), rounds interleaved so that both see the same
// load; and the limiter's own mean time per hit either way. Printed for the record (limiter.ts).
let h: Harness;
beforeAll(async () => {
  h = await createHarness('pg');
});
afterAll(() => h.t.drop());

const ROUNDS = 200;
const far = { max: 1_000_000, windowSeconds: 3600 };

const doorWith = (perSession: LimitRule) => {
  const config = defaultApiConfig({ ...h.config, limits: { ...h.config.limits, perSession } });
  const handler = createTrpcHandler({
    endpoint: '/api/trpc',
    getDb: async () => h.t.db,
    config,
    logger: createLogger({ level: 'silent' }),
  });
  return (path: string, init?: RequestInit) =>
    handler(new Request(`http://localhost/api/trpc/${path}`, init));
};

/** Mean ms of `a` and `b`, run alternately after a warm-up. */
async function meansMs(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  for (let i = 0; i < 20; i++) await Promise.all([a(), b()]);
  const sums = [0, 0];
  for (let i = 0; i < ROUNDS; i++) {
    for (const [k, run] of [a, b].entries()) {
      const t0 = performance.now();
      await run();
      sums[k] = (sums[k] ?? 0) + performance.now() - t0;
    }
  }
  return [(sums[0] ?? 0) / ROUNDS, (sums[1] ?? 0) / ROUNDS];
}

describe('the limiter’s share of a sync request', () => {
  it('is measured against a pull and a push, writing every hit and in batches', async () => {
    const d = await h.device('limiter-cost@example.com');
    const auth = { authorization: `Bearer ${d.token}` };
    const events = Array.from({ length: 50 }, (_, i) =>
      upsertEvent('customers', uuid(), { name: `C${i}` }, Date.now()),
    );
    await d.api.sync.push({ deviceId: d.deviceId, events });
    const everyHit = doorWith({ ...far, batch: 1 });
    const batched = doorWith(far);
    const pullPath = `sync.pull?input=${encodeURIComponent('{"cursor":0,"limit":50}')}`;
    const pull = (door: typeof batched) => async () => {
      const res = await door(pullPath, { headers: auth });
      expect(res.status).toBe(200);
      await res.text();
    };
    const push = (door: typeof batched) => async () => {
      const body = JSON.stringify({
        deviceId: d.deviceId,
        events: [upsertEvent('customers', uuid(), { name: 'P' }, Date.now())],
      });
      const res = await door('sync.push', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(200);
      await res.text();
    };
    const pulls = await meansMs(pull(everyHit), pull(batched));
    const pushes = await meansMs(push(everyHit), push(batched));
    // The limiter alone, on the default per-session rule (600 a minute: batches of 30).
    const rule = DEFAULT_RATE_LIMITS.perSession;
    const key = (k: string) => `session:cost-${k}-${d.deviceId}`;
    let n = 0;
    const hits = await meansMs(
      () => hitLimit(h.t.db.sql, key('one'), { ...rule, max: 1_000_000, batch: 1 }),
      () => hitLimit(h.t.db.sql, key(String(Math.floor(n++ / 500))), rule),
    );
    const ms = (x: number | undefined) => `${(x ?? 0).toFixed(2)} ms`;
    console.log(
      [
        `limiter cost per request (mean of ${ROUNDS}, interleaved): every hit written | in batches`,
        `  limiter alone: ${ms(hits[0])} | ${ms(hits[1])}`,
        `  pull of 50: ${ms(pulls[0])} | ${ms(pulls[1])}; limiter ${((100 * hits[0]) / pulls[0]).toFixed(1)}% | ${((100 * hits[1]) / pulls[1]).toFixed(1)}%`,
        `  push of 1: ${ms(pushes[0])} | ${ms(pushes[1])}; limiter ${((100 * hits[0]) / pushes[0]).toFixed(1)}% | ${((100 * hits[1]) / pushes[1]).toFixed(1)}%`,
      ].join('\n'),
    );
    // Batched, most hits touch no database: the limiter costs a fraction of a written hit.
    expect(hits[1]).toBeLessThan(hits[0] / 3);
  });
});
