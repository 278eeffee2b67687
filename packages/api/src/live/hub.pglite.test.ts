import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '../auth/sessions.ts';
import { createHarness, type Harness, iso, uuid } from '../test/harness.ts';
import { type Poke, type PokeHub, startPokeHub } from './hub.ts';

// On the embedded PGlite (what `pnpm dev` runs): LISTEN/NOTIFY in process, so the
// dashboard and phones are live in development too.
let h: Harness;
let hub: PokeHub;
beforeAll(async () => {
  h = await createHarness('pglite');
  hub = await startPokeHub(h.t.listen);
}, 60_000);
afterAll(async () => {
  await hub?.close();
  await h?.t.drop();
});

const customer = () => ({
  eventUuid: uuid(),
  entity: 'customers',
  entityId: uuid(),
  op: 'upsert',
  payload: { name: 'Live' },
  clientUpdatedAt: iso(Date.now()),
});

/** Reads pokes from a subscription in the background, until it ends or fails. */
function reader(iterable: AsyncGenerator<Poke>) {
  const seen: number[] = [];
  const ended = (async () => {
    for await (const poke of iterable) seen.push(poke.eventId);
  })();
  return { seen, ended };
}

const settle = () => new Promise((r) => setTimeout(r, 200));

describe('the poke hub on PGlite', () => {
  it("pokes a store's other devices with the newest event id, never the pusher nor another store", async () => {
    const a = await h.device('hub-a@example.com');
    const b = await h.device('hub-a@example.com');
    const stranger = await h.device('hub-b@example.com');
    const stop = new AbortController();
    const who = (d: typeof a) => ({ userId: d.userId, deviceId: d.deviceId, sessionId: null });
    const [ra, rb, rs] = [a, b, stranger].map((d) => reader(hub.pokes(who(d), stop.signal)));
    expect(hub.size).toBe(3);

    const out = await a.api.sync.push({ deviceId: a.deviceId, events: [customer(), customer()] });
    const newest = Math.max(...out.results.map((r) => r.eventId ?? 0));
    await settle();
    expect(rb?.seen).toEqual([newest]);
    expect(ra?.seen).toEqual([]);
    expect(rs?.seen).toEqual([]);

    // Nothing applied (a duplicate), nothing to pull: no poke.
    const again = await a.api.sync.push({ deviceId: a.deviceId, events: [customer()] });
    const repeat = await a.api.sync.push({
      deviceId: a.deviceId,
      events: [{ ...customer(), eventUuid: again.results[0]?.eventUuid ?? '' }],
    });
    expect(repeat.results[0]?.status).toBe('duplicate');
    await settle();
    expect(rb?.seen).toEqual([newest, again.results[0]?.eventId]);

    stop.abort();
    await Promise.all([ra?.ended, rb?.ended, rs?.ended]);
    expect(hub.size).toBe(0);
  });

  it('ends a subscription with UNAUTHORIZED when its session is signed out', async () => {
    const b = await h.device('hub-c@example.com');
    const sessionId = await sessionOf(b.token);
    const { seen, ended } = reader(
      hub.pokes({ userId: b.userId, deviceId: b.deviceId, sessionId }, new AbortController().signal),
    );
    await b.api.auth.signOut();
    await expect(ended).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(seen).toEqual([]);
    expect(hub.size).toBe(0);
  });
});

describe('the poke hub, ending streams', () => {
  it('ends each stream after its lifetime, and every stream at once when closed, then any new one', async () => {
    const short = await startPokeHub(h.t.listen, { lifetimeMs: () => 150 });
    const who = { userId: uuid(), deviceId: 'd', sessionId: null };
    const t0 = performance.now();
    await reader(short.pokes(who, new AbortController().signal)).ended;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);

    const long = await startPokeHub(h.t.listen);
    const open = reader(long.pokes(who, new AbortController().signal));
    expect(long.size).toBe(1);
    await long.close();
    await open.ended;
    expect(long.size).toBe(0);
    // Asked for while the process drains: ends at once instead of holding the stop up.
    await reader(long.pokes(who, new AbortController().signal)).ended;
    expect(long.size).toBe(0);
    await short.close();
  });
});

/** The session id of a bearer token, as the server resolves it. */
async function sessionOf(token: string): Promise<string> {
  const s = await findSession(h.t.db, token);
  if (!s) throw new Error('no such session');
  return s.sessionId;
}
