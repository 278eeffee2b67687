import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observePool } from './metrics.ts';
import { createMetricsHandler } from './metrics-door.ts';
import { createHarness, type Harness, upsertEvent, uuid } from './test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('pg');
});
afterAll(() => h.t.drop());

const TOKEN = 'metrics-token-of-the-test';
const door = createMetricsHandler(TOKEN);
const get = (authorization?: string) =>
  door(new Request('http://x/metrics', authorization ? { headers: { authorization } } : {}));

/** Every sample of the exposition, by `name{labels}` as Prometheus prints it. */
async function scrape(): Promise<Map<string, number>> {
  const res = await get(`Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^(\S+)\s+(\S+)$/.exec(line);
    if (m?.[1] && m[2] && !line.startsWith('#')) samples.set(m[1], Number(m[2]));
  }
  return samples;
}

/** How much each sample moved while `run` ran. */
async function deltas(run: () => Promise<unknown>): Promise<(sample: string) => number> {
  const before = await scrape();
  await run();
  const after = await scrape();
  return (sample) => (after.get(sample) ?? 0) - (before.get(sample) ?? 0);
}

describe('GET /metrics', () => {
  it('answers 404 without a token configured, 401 without the token or with another', async () => {
    expect((await createMetricsHandler(undefined)(new Request('http://x/metrics'))).status).toBe(404);
    const none = await get();
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain('storesync_');
    expect((await get(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await get(TOKEN)).status).toBe(401);
    expect((await get(`Bearer ${TOKEN}`)).headers.get('content-type')).toContain('text/plain');
  });

  it('counts a push by outcome and reject code, and the request by route and status', async () => {
    const d = await h.device('metrics-push@example.com');
    const good = () => upsertEvent('customers', uuid(), { name: 'M' }, Date.now());
    const bad = { ...good(), entity: 'no_such_entity' };
    const moved = await deltas(async () => {
      const res = await h.http('sync.push', {
        method: 'POST',
        headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId: d.deviceId, events: [good(), bad, good()] }),
      });
      expect(res.status).toBe(200);
      const { results } = (await res.json()).result.data;
      expect(results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(results[1].error.code).toBe('INVALID_EVENT');
    });
    expect(moved('storesync_push_events_total{status="applied"}')).toBe(2);
    expect(moved('storesync_push_events_total{status="rejected"}')).toBe(1);
    expect(moved('storesync_push_rejected_events_total{code="INVALID_EVENT"}')).toBe(1);
    expect(
      moved('storesync_http_request_duration_seconds_count{route="sync.push",method="POST",status="200"}'),
    ).toBe(1);
  });

  it('counts events pulled', async () => {
    const d = await h.device('metrics-pull@example.com');
    await d.api.sync.push({
      deviceId: d.deviceId,
      events: [upsertEvent('customers', uuid(), { name: 'A' }, Date.now())],
    });
    const moved = await deltas(async () => {
      const res = await h.http(`sync.pull?input=${encodeURIComponent('{"cursor":0}')}`, {
        headers: { authorization: `Bearer ${d.token}` },
      });
      expect(res.status).toBe(200);
    });
    expect(moved('storesync_pull_events_total')).toBe(1);
  });

  it('counts a refused bad token, and keeps unknown routes out of its labels', async () => {
    const moved = await deltas(async () => {
      expect((await h.http('auth.me', { headers: { authorization: 'Bearer not-a-session' } })).status).toBe(
        401,
      );
      expect((await h.http('no.such.procedure')).status).toBe(404);
    });
    expect(moved('storesync_auth_failures_total')).toBe(1);
    expect(
      moved('storesync_http_request_duration_seconds_count{route="auth.me",method="GET",status="401"}'),
    ).toBe(1);
    expect(
      moved('storesync_http_request_duration_seconds_count{route="other",method="GET",status="404"}'),
    ).toBe(1);
    expect((await scrape()).has('process_cpu_user_seconds_total')).toBe(true);
  });

  it('reads a pool’s connections in use and waiting when scraped', async () => {
    // What a node-postgres pool says of itself, read at every scrape (client.ts's pools).
    const pool = { totalCount: 3, idleCount: 1, waitingCount: 2 };
    observePool('replica', pool);
    const during = await scrape();
    expect(during.get('storesync_db_pool_in_use{pool="replica"}')).toBe(2);
    expect(during.get('storesync_db_pool_waiting{pool="replica"}')).toBe(2);
    Object.assign(pool, { idleCount: 3, waitingCount: 0 });
    expect((await scrape()).get('storesync_db_pool_in_use{pool="replica"}')).toBe(0);
  });
});
