import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestHandlers } from './rest.ts';
import { createHarness, type Device, type Harness, iso, uuid } from './test/harness.ts';

let h: Harness;
let d: Device;
let rest: ReturnType<typeof createRestHandlers>;

beforeAll(async () => {
  h = await createHarness('pg', { maxBodyBytes: 32 * 1024 });
  d = await h.device('rest@example.com', 'flutter-phone');
  rest = createRestHandlers({ getDb: async () => h.t.db, config: h.config });
});
afterAll(() => h.t.drop());

const auth = () => ({ authorization: `Bearer ${d.token}` });
const post = (
  handler: (r: Request) => Promise<Response>,
  body: unknown,
  headers: Record<string, string> = auth(),
) =>
  handler(
    new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
const pull = (query: string, headers = auth()) =>
  rest.pull(new Request(`http://localhost/sync/pull?${query}`, { headers }));
const customer = () => ({
  eventUuid: uuid(),
  entity: 'customers',
  entityId: uuid(),
  op: 'upsert',
  payload: { name: 'Flutter' },
  clientUpdatedAt: iso(Date.now()),
});

describe('createRestHandlers', () => {
  it('returns the procedure output as the plain body', async () => {
    const res = await post(rest.push, { deviceId: d.deviceId, events: [customer()] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results[0]).toMatchObject({ status: 'applied', row: { name: 'Flutter' } });
    const pulled = await (await pull('cursor=0&limit=10')).json();
    expect(pulled).toMatchObject({ cursor: body.results[0].eventId, hasMore: false });
    expect(
      await (await rest.me(new Request('http://localhost/auth/me', { headers: auth() }))).json(),
    ).toMatchObject({
      deviceId: 'flutter-phone',
    });
  });

  it('answers errors as { error: { code, message } } with the fitting status, changing nothing', async () => {
    const before = await h.t.db.syncEvent.count();
    const cases: [Promise<Response>, number, string, RegExp][] = [
      [post(rest.push, '{oops'), 400, 'BAD_REQUEST', /not valid JSON/],
      [post(rest.push, { deviceId: d.deviceId, events: [] }), 400, 'BAD_REQUEST', /events/],
      [post(rest.push, { events: [customer()] }), 400, 'BAD_REQUEST', /deviceId/],
      [post(rest.push, { deviceId: d.deviceId, events: [customer()] }, {}), 401, 'UNAUTHORIZED', /session/],
      [post(rest.push, { deviceId: 'other', events: [customer()] }), 403, 'FORBIDDEN', /deviceId/],
      [post(rest.push, 'x'.repeat(40 * 1024)), 413, 'PAYLOAD_TOO_LARGE', /bytes/],
      [post(rest.devSignIn, { email: 'x@example.com', deviceId: 'x' }), 200, '', /./],
      [pull('cursor=abc'), 400, 'BAD_REQUEST', /cursor/],
      [pull(''), 400, 'BAD_REQUEST', /cursor/],
      [pull('cursor=0&limit=5001'), 400, 'BAD_REQUEST', /limit/],
    ];
    for (const [response, status, code, message] of cases) {
      const res = await response;
      expect(res.status).toBe(status);
      if (status === 200) continue;
      const body = await res.json();
      expect(body.error).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(Object.keys(body.error).filter((k) => !['code', 'message', 'issues'].includes(k))).toEqual([]);
    }
    expect(await h.t.db.syncEvent.count()).toBe(before);
  });

  it('answers a dev sign-in with 404 when dev login is off', async () => {
    const off = createRestHandlers({ getDb: async () => h.t.db, config: { ...h.config, devLogin: false } });
    const res = await post(off.devSignIn, { email: 'x@example.com', deviceId: 'x' }, {});
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it('names each invalid field of a refused input, as tRPC’s error.data.issues does', async () => {
    const res = await post(rest.push, { deviceId: d.deviceId, events: [] });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'events', code: 'too_small', minimum: 1, origin: 'array' }),
    ]);
    const unauthorised = await (await post(rest.push, { deviceId: d.deviceId, events: [] }, {})).json();
    expect(unauthorised.error).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
  });

  it('revokes the session on sign-out', async () => {
    const other = await h.device('rest@example.com', 'flutter-2');
    const headers = { authorization: `Bearer ${other.token}` };
    expect((await post(rest.signOut, '', headers)).status).toBe(200);
    expect((await rest.me(new Request('http://localhost/auth/me', { headers }))).status).toBe(401);
  });

  it('serves the snapshot at GET /sync/snapshot, paged by after, and refuses a bad after with 400', async () => {
    const events = [customer(), customer(), customer()];
    await post(rest.push, { deviceId: d.deviceId, events });
    const snapshot = (query: string) =>
      rest.snapshot(new Request(`http://localhost/sync/snapshot?${query}`, { headers: auth() }));
    const first = await (await snapshot('limit=2')).json();
    expect(first.rows).toHaveLength(2);
    expect(first.total).toBeGreaterThanOrEqual(3);
    const ids: string[] = first.rows.map((r: { row: { id: string } }) => r.row.id);
    for (let after = first.next; after; ) {
      const page = await (await snapshot(`limit=2&after=${encodeURIComponent(after)}`)).json();
      expect(page.total).toBeUndefined();
      ids.push(...page.rows.map((r: { row: { id: string } }) => r.row.id));
      after = page.next;
    }
    expect(ids).toHaveLength(first.total);
    expect(ids).toEqual(expect.arrayContaining(events.map((e) => e.entityId)));
    const bad = await snapshot('after=customers');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('BAD_REQUEST');
  });
});
