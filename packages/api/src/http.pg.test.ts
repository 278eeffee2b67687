import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Device, type Harness, iso, uuid } from './test/harness.ts';

let h: Harness;
let d: Device;
const MAX_BODY = 256 * 1024;

beforeAll(async () => {
  h = await createHarness('pg', { maxBodyBytes: MAX_BODY });
  d = await h.device('http@example.com', 'http-phone');
});
afterAll(() => h.t.drop());

const customer = (name = 'C') => ({
  eventUuid: uuid(),
  entity: 'customers',
  entityId: uuid(),
  op: 'upsert',
  payload: { name },
  clientUpdatedAt: iso(Date.now()),
});
const post = (path: string, body: string, auth = true) =>
  h.http(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth && { authorization: `Bearer ${d.token}` }) },
    body,
  });
const get = (path: string, input: unknown) =>
  h.http(`${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { authorization: `Bearer ${d.token}` },
  });
const eventCount = () => h.t.db.syncEvent.count();

describe('POST /api/trpc/sync.push', () => {
  it('applies a well-formed batch sent as plain JSON', async () => {
    const res = await post(
      'sync.push',
      JSON.stringify({ deviceId: d.deviceId, events: [customer('Plain')] }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.result.data.results[0]).toMatchObject({ status: 'applied', row: { name: 'Plain' } });
    expect(Number.isInteger(body.result.data.results[0].eventId)).toBe(true);
  });

  it('answers malformed batches with BAD_REQUEST naming the path, and changes nothing', async () => {
    const before = await eventCount();
    const cases: [string, string][] = [
      ['{not json', ''],
      [JSON.stringify({ deviceId: d.deviceId, events: 'nope' }), 'events'],
      [JSON.stringify({ deviceId: d.deviceId, events: [] }), 'events'],
      [
        JSON.stringify({ deviceId: d.deviceId, events: Array.from({ length: 501 }, () => customer()) }),
        'events',
      ],
      [JSON.stringify({ events: [customer()] }), 'deviceId'],
      [JSON.stringify({ deviceId: '', events: [customer()] }), 'deviceId'],
      [JSON.stringify([1, 2, 3]), 'input'],
    ];
    for (const [body, path] of cases) {
      const res = await post('sync.push', body);
      expect(res.status, body.slice(0, 60)).toBe(400);
      const json = await res.json();
      expect(json.error.data.code).toBe('BAD_REQUEST');
      expect(json.error.message).toContain(path);
    }
    expect(await eventCount()).toBe(before);
  });

  it('answers a body over the size limit with PAYLOAD_TOO_LARGE, and changes nothing', async () => {
    const before = await eventCount();
    const big = JSON.stringify({ deviceId: d.deviceId, events: [customer('x'.repeat(MAX_BODY))] });
    const res = await post('sync.push', big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await eventCount()).toBe(before);
  });

  it('answers a call without a session with UNAUTHORIZED', async () => {
    const res = await post(
      'sync.push',
      JSON.stringify({ deviceId: d.deviceId, events: [customer()] }),
      false,
    );
    expect(res.status).toBe(401);
    expect((await res.json()).error.data.code).toBe('UNAUTHORIZED');
  });

  it('applies nothing of a batch when the database fails half-way', async () => {
    await h.t.db.$executeRawUnsafe(`CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'boom' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$`);
    await h.t.db.$executeRawUnsafe(
      'CREATE TRIGGER fail_on_boom BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION fail_on_boom()',
    );
    try {
      const before = await eventCount();
      const rowsBefore = await h.t.db.customer.count();
      const res = await post(
        'sync.push',
        JSON.stringify({ deviceId: d.deviceId, events: [customer('fine'), customer('boom')] }),
      );
      expect(res.status).toBe(500);
      const json = await res.json();
      expect(json.error.data.code).toBe('INTERNAL_SERVER_ERROR');
      expect(json.error.message).not.toContain('disk on fire');
      expect(await eventCount()).toBe(before);
      expect(await h.t.db.customer.count()).toBe(rowsBefore);
    } finally {
      await h.t.db.$executeRawUnsafe('DROP TRIGGER fail_on_boom ON customers');
    }
  });
});

describe('GET /api/trpc/sync.pull', () => {
  it('pages with plain JSON integers', async () => {
    await post(
      'sync.push',
      JSON.stringify({ deviceId: d.deviceId, events: [customer('p1'), customer('p2')] }),
    );
    const res = await get('sync.pull', { cursor: 0, limit: 1 });
    expect(res.status).toBe(200);
    const { data } = (await res.json()).result;
    expect(data.events).toHaveLength(1);
    expect(Number.isInteger(data.cursor)).toBe(true);
    expect(data.hasMore).toBe(true);
  });

  it('answers bad input with BAD_REQUEST, never a 5xx', async () => {
    for (const input of [{ cursor: 'abc' }, { cursor: 1.5 }, { cursor: 0, limit: 0 }, {}]) {
      const res = await get('sync.pull', input);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/cursor|limit/);
    }
  });

  it('serves batched calls too', async () => {
    const res = await h.http(
      `auth.me,sync.pull?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: { cursor: 0 } }))}`,
      {
        headers: { authorization: `Bearer ${d.token}` },
      },
    );
    expect(res.status).toBe(200);
    const [me, pull] = await res.json();
    expect(me.result.data.deviceId).toBe('http-phone');
    expect(pull.result.data.events.length).toBeGreaterThan(0);
  });
});
