import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrpcHandler } from './http.ts';
import { createLogger } from './log.ts';
import { createRestHandlers } from './rest.ts';
import { createHarness, type Device, type Harness, iso, uuid } from './test/harness.ts';

let h: Harness;
let d: Device;
const raw: string[] = [];
const lines = () => raw.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  h = await createHarness('pg');
  d = await h.device('logged@example.com', 'logged-phone');
});
afterAll(() => h.t.drop());

const opts = () => ({
  getDb: async () => h.t.db,
  config: h.config,
  logger: createLogger({ destination: { write: (l: string) => raw.push(l) } }),
});
const secret = 'Secret Customer Name';
const event = () => ({
  eventUuid: uuid(),
  entity: 'customers',
  entityId: uuid(),
  op: 'upsert',
  payload: { name: secret },
  clientUpdatedAt: iso(Date.now()),
});

describe('request log lines', () => {
  it('give route, store, device, status, duration and counts; never the token or a payload', async () => {
    const trpc = createTrpcHandler({ endpoint: '/api/trpc', ...opts() });
    const rest = createRestHandlers(opts());
    const headers = { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' };
    const body = JSON.stringify({ deviceId: d.deviceId, events: [event(), event()] });
    expect(
      (await trpc(new Request('http://x/api/trpc/sync.push', { method: 'POST', headers, body }))).status,
    ).toBe(200);
    const pull = `http://x/api/trpc/sync.pull?input=${encodeURIComponent('{"cursor":0}')}`;
    expect((await trpc(new Request(pull, { headers }))).status).toBe(200);
    expect((await rest.pull(new Request('http://x/sync/pull?cursor=0&limit=1', { headers }))).status).toBe(
      200,
    );
    expect(
      (await trpc(new Request('http://x/api/trpc/auth.me', { headers: { authorization: 'Bearer nope' } })))
        .status,
    ).toBe(401);

    const [pushed, pulled, restPulled, refused] = lines();
    const who = { userId: d.userId, deviceId: 'logged-phone' };
    expect(pushed).toMatchObject({ route: 'sync.push', status: 200, pushed: 2, applied: 2, ...who });
    expect(pushed?.ms).toEqual(expect.any(Number));
    expect(pulled).toMatchObject({ route: 'sync.pull', method: 'GET', status: 200, pulled: 2, ...who });
    expect(restPulled).toMatchObject({ route: 'sync.pull', status: 200, pulled: 1, ...who });
    expect(refused).toMatchObject({ route: 'auth.me', status: 401 });
    expect(refused?.userId).toBeUndefined();

    const all = raw.join('\n');
    expect(all).not.toContain(d.token);
    expect(all).not.toContain('nope');
    expect(all).not.toContain(secret);
  });
});
