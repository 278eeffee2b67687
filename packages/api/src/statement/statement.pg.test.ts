import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import {
  createHarness,
  type Device,
  deleteEvent,
  type Harness,
  iso,
  upsertEvent,
  uuid,
} from '../test/harness.ts';
import { type MadePage, PageCache } from './cache.ts';
import { type StatementDoor, statementResponse } from './page.ts';

// The public statement: only that customer's rows of that store, one 404 for every token that
// shows nothing, lastOpenedAt noted as device `server`, a limit per address, no token in the log.

const T0 = Date.now() - 60_000;
const DAY = 86_400_000;
const token = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');

let h: Harness;
let phone: Device;
let rival: Device;
let door: StatementDoor;
const logLines: string[] = [];
const ids = { amina: uuid(), baraka: uuid(), gone: uuid(), zawadi: uuid() };
const tokens = { amina: token(), expired: token(), revoked: token(), gone: token(), zawadi: token() };
const linkIds = {
  amina: uuid(),
  expired: uuid(),
  revoked: uuid(),
  gone: uuid(),
  zawadi: uuid(),
  copy: uuid(),
};

const push = async (d: Device, events: unknown[]) => {
  const { results } = await d.api.sync.push({ deviceId: d.deviceId, events: events as never });
  for (const r of results) expect(r.status, JSON.stringify(r.error)).toBe('applied');
};
const link = (customerId: string, t: string, expiresAt = T0 + 60 * DAY) => ({
  customerId,
  token: t,
  expiresAt: iso(expiresAt),
});
const open = (t: string, headers: Record<string, string> = {}) =>
  statementResponse(door, new Request(`http://localhost/s/${t}`, { headers }), t);

beforeAll(async () => {
  h = await createHarness('pg');
  phone = await h.device('duka@example.com', 'phone');
  rival = await h.device('rival@example.com', 'phone');
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  door = { db: h.t.db, config: h.config, logger: createLogger({ destination: sink }) };
  await push(phone, [
    upsertEvent(
      'settings',
      '00000000-0000-0000-0000-000000000000',
      { shopName: 'Duka la Amani', currency: 'KES' },
      T0,
    ),
    upsertEvent('customers', ids.amina, { name: 'Amina Wanjiru', language: 'sw' }, T0),
    upsertEvent('customers', ids.baraka, { name: 'Baraka Otieno' }, T0),
    upsertEvent('customers', ids.gone, { name: 'Gone Away' }, T0),
    upsertEvent('debts', uuid(), { customerId: ids.amina, amount: 150_000, dueDate: '2026-01-10' }, T0),
    upsertEvent('payments', uuid(), { customerId: ids.amina, amount: 50_000, paidAt: iso(T0) }, T0),
    upsertEvent('debts', uuid(), { customerId: ids.baraka, amount: 999_900, note: 'baraka-only' }, T0),
    upsertEvent('links', linkIds.amina, link(ids.amina, tokens.amina), T0),
    upsertEvent('links', linkIds.expired, link(ids.amina, tokens.expired, T0 - DAY), T0),
    upsertEvent('links', linkIds.revoked, link(ids.amina, tokens.revoked), T0),
    upsertEvent('links', linkIds.gone, link(ids.gone, tokens.gone), T0),
  ]);
  await push(phone, [
    deleteEvent('links', linkIds.revoked, T0 + 1),
    deleteEvent('customers', ids.gone, T0 + 1),
  ]);
  await push(rival, [
    upsertEvent('customers', ids.zawadi, { name: 'Zawadi Rival' }, T0),
    upsertEvent('debts', uuid(), { customerId: ids.zawadi, amount: 777_700 }, T0),
    upsertEvent('links', linkIds.zawadi, link(ids.zawadi, tokens.zawadi), T0),
    // A later copy of Amina's token in another store: the first stored answers for it.
    upsertEvent('links', linkIds.copy, link(ids.zawadi, tokens.amina), T0),
  ]);
}, 60_000);
afterAll(() => h.t.drop());

describe('the statement at /s/<token>', () => {
  it("shows that customer's rows of that store only, in the customer's language, with the page's headers", async () => {
    const res = await open(tokens.amina, { 'accept-language': 'fr' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Duka la Amani');
    expect(html).toContain('Taarifa ya Amina Wanjiru');
    expect(html).toMatch(/<strong data-owed>Ksh\s?1,000\.00<\/strong>/);
    expect(html).toContain('lang="sw"');
    for (const other of ['Baraka', 'baraka-only', 'Zawadi', 'Rival', '9,999', '7,777'])
      expect(html).not.toContain(other);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    expect(res.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-[^']+'; img-src data:;/,
    );
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it("another store's token shows its own customer only", async () => {
    const html = await (await open(tokens.zawadi)).text();
    expect(html).toContain('Zawadi Rival');
    expect(html).toMatch(/KES\s?7,777\.00|\$7,777\.00/);
    expect(html).not.toContain('Amina');
  });

  it('answers unknown, malformed, expired, revoked and a deleted customer’s tokens with one identical 404', async () => {
    const answers = await Promise.all(
      [token(), 'short', `${token()}!`, tokens.expired, tokens.revoked, tokens.gone].map((t) => open(t)),
    );
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('This link does not work');
    for (const name of ['Amina', 'Gone Away', 'Duka']) expect(bodies[0]).not.toContain(name);
    expect(answers[3]?.headers.get('cache-control')).toBe('private, no-store');
  });

  it('looks up tokens asked for together in a few queries, each answered as its own', async () => {
    let lookups = 0;
    const sql = h.t.db.sql;
    const counting: StatementDoor = {
      ...door,
      db: {
        ...h.t.db,
        sql: {
          transaction: (fn) => sql.transaction(fn),
          query: (text, params) => {
            if (text.includes('FROM links l')) lookups += 1;
            return sql.query(text, params);
          },
        },
      },
    };
    const asked = [...Array.from({ length: 60 }, token), tokens.zawadi, tokens.revoked];
    const answers = await Promise.all(
      asked.map((t, i) =>
        statementResponse(
          counting,
          new Request('http://localhost/', { headers: { 'x-storesync-peer': `198.51.100.${i}` } }),
          t,
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([...Array(60).fill(404), 200, 404]);
    expect(await answers[60]?.text()).toContain('Zawadi Rival');
    expect(lookups).toBeGreaterThan(0);
    expect(lookups).toBeLessThanOrEqual(3);
  });

  it('notes lastOpenedAt as device server, pulled by the phone, at most once an hour', async () => {
    const pulledLink = async () => {
      const page = await phone.api.sync.pull({ cursor: 0, limit: 500 });
      return page.events.filter((e) => e.entity === 'links' && e.entityId === linkIds.amina);
    };
    expect((await pulledLink()).at(-1)?.row?.lastOpenedAt).toBeTruthy();
    const events = await pulledLink();
    expect(events.at(-1)?.row?.updatedByDeviceId).toBe('server');
    await open(tokens.amina);
    await open(tokens.amina);
    expect((await pulledLink()).length).toBe(events.length);
    // An hour later it is noted again.
    const later = new Date(Date.now() + 61 * 60_000);
    await statementResponse({ ...door, now: () => later }, new Request('http://localhost/'), tokens.amina);
    expect((await pulledLink()).at(-1)?.row?.lastOpenedAt).toBe(later.toISOString());
  });

  it('serves a page made once until the book changes, then the book as it is now', async () => {
    const cache = new PageCache();
    const cached = { ...door, cache };
    const fresh = token();
    const freshId = uuid();
    await push(phone, [upsertEvent('links', freshId, link(ids.amina, fresh), Date.now())]);
    const owed = async () =>
      /data-owed>([^<]+)</.exec(
        await (await statementResponse(cached, new Request('http://localhost/'), fresh)).text(),
      )?.[1];
    // The first opening notes lastOpenedAt, a change of the book: the next page is made anew.
    await owed();
    const before = await owed();
    expect(cache.size).toBe(2);
    expect(await owed()).toBe(before);
    expect(cache.size).toBe(2);
    await push(phone, [upsertEvent('debts', uuid(), { customerId: ids.amina, amount: 12_300 }, Date.now())]);
    expect(await owed()).not.toBe(before);
    expect(cache.size).toBe(3);
    // Revoked: the cached page is never served again.
    await push(phone, [deleteEvent('links', freshId, Date.now())]);
    expect((await statementResponse(cached, new Request('http://localhost/'), fresh)).status).toBe(404);
  });

  it('makes a page once for viewers who arrive together', async () => {
    class CountingCache extends PageCache {
      made = 0;
      override set(key: string, page: MadePage) {
        this.made += 1;
        super.set(key, page);
      }
    }
    // Opened once already, so the hourly note is written and the book stays as it is meanwhile.
    await statementResponse(
      { ...door, cache: new PageCache() },
      new Request('http://localhost/'),
      tokens.zawadi,
    );
    const cache = new CountingCache();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        statementResponse({ ...door, cache }, new Request('http://localhost/'), tokens.zawadi),
      ),
    );
    expect(new Set(await Promise.all(answers.map((a) => a.text()))).size).toBe(1);
    expect(cache.made).toBe(1);
  });

  it('never logs a token whole', () => {
    const all = logLines.join('');
    expect(all).toContain('"route":"/s/:token"');
    for (const t of Object.values(tokens)) expect(all).not.toContain(t);
  });

  it('answers 429 with Retry-After past the limit of one address, and another address goes on', async () => {
    const limited: StatementDoor = {
      ...door,
      config: {
        ...h.config,
        limits: { ...h.config.limits, statementPerAddress: { max: 5, windowSeconds: 60 } },
      },
    };
    const from = (address: string) =>
      statementResponse(
        limited,
        new Request('http://localhost/', { headers: { 'x-storesync-peer': address } }),
        token(),
      );
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 8; i++) {
      last = await from('203.0.113.7');
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.8')).status).toBe(404);
  });
});
