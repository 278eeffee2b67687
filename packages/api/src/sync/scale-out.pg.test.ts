import { type OpenDb, openDb } from '@storesync/db';
import { createTestClusters, type TestClusters, type TestDb } from '@storesync/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogFields } from '../context.ts';
import { createHarness, type Device, deleteEvent, type Harness, upsertEvent, uuid } from '../test/harness.ts';
import { pullEvents } from './pull.ts';
import { readPullPage } from './pull-source.ts';
import { syncSuite } from './sync-suite.ts';

// One private topology for the file: a primary, a streaming replica of it, and PgBouncer in
// transaction-pooling mode in front of the primary. The app reaches PostgreSQL only through
// PgBouncer (and the replica for pulls); migrations go to the primary directly.
let clusters: TestClusters;
beforeAll(async () => {
  clusters = await createTestClusters();
}, 120_000);
afterAll(() => clusters?.stop(), 60_000);

const openThroughBouncer = async (): Promise<TestDb> => {
  const opened: OpenDb = await openDb({
    databaseUrl: clusters.bouncerUrl,
    directUrl: clusters.primaryUrl,
    replicaUrl: clusters.replicaUrl,
    poolSize: 8,
  });
  return { ...opened, url: clusters.bouncerUrl, drop: opened.close };
};

// Every push/pull/merge rule, through PgBouncer, with pulls from the replica: the suite pulls
// right after its pushes, so read-your-writes is checked against a replica that lags.
syncSuite('PgBouncer (transaction pooling) with a read replica', openThroughBouncer);

const customer = (name: string) => upsertEvent('customers', uuid(), { name }, Date.now());
const push = async (d: Device, names: string[]) => {
  const r = await d.api.sync.push({ deviceId: d.deviceId, events: names.map(customer) });
  return r.results.map((x) => x.eventId as number);
};
/** Pulls to the end of the log, page by page, as a device does. */
const pullAll = async (d: Device, cursor: number, limit: number) => {
  const ids: number[] = [];
  const pages: { cursor: number; hasMore: boolean }[] = [];
  for (;;) {
    const page = await d.api.sync.pull({ cursor, limit });
    ids.push(...page.events.map((e) => e.eventId));
    pages.push({ cursor: page.cursor, hasMore: page.hasMore });
    cursor = page.cursor;
    if (!page.hasMore) return { ids, cursor, pages };
  }
};

describe('through PgBouncer in transaction mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(openThroughBouncer, {
      limits: {
        perSession: { max: 5, windowSeconds: 3600 },
        signInPerAddress: { max: 1_000, windowSeconds: 3600 },
        signInPerAccount: { max: 1_000, windowSeconds: 3600 },
      },
    });
  }, 60_000);
  afterAll(() => h?.t.drop());

  it('migrated at boot over the direct connection and left no advisory lock held', async () => {
    const [migrations] = await h.t.db.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
    );
    expect(migrations?.n).toBeGreaterThan(0);
    const held = await h.t.db.sql.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'");
    expect(held).toEqual([]);
  });

  it('counts rate limits, signs out, and revokes sessions', async () => {
    const me = (d: Device) => h.http('auth.me', { headers: { authorization: `Bearer ${d.token}` } });
    const d = await h.device('limits@example.com');
    for (let i = 0; i < 5; i++) expect((await me(d)).status).toBe(200);
    expect((await me(d)).status).toBe(429);
    const e = await h.device('limits@example.com');
    await e.api.auth.signOut();
    expect((await me(e)).status).toBe(401);
    const [f, g] = [await h.device('limits@example.com'), await h.device('limits@example.com')];
    await g.api.auth.revokeDevice({ deviceId: f.deviceId });
    expect((await me(f)).status).toBe(401);
  });

  it('serialises concurrent pushes to one store: pullers see every event once, in order', async () => {
    const writers = await Promise.all([0, 1, 2, 3].map((i) => h.device('busy@example.com', `w${i}`)));
    const reader = await h.device('busy@example.com', 'reader');
    const applied = (
      await Promise.all(
        writers.map(async (w, i) => {
          const ids: number[] = [];
          for (let b = 0; b < 10; b++) ids.push(...(await push(w, [`w${i}b${b}x`, `w${i}b${b}y`])));
          return ids;
        }),
      )
    ).flat();
    const { ids } = await pullAll(reader, 0, 7);
    expect(ids).toEqual([...applied].sort((x, y) => x - y));
  });
});

describe('pulls from a lagging replica', () => {
  let h: Harness;
  let a: Device;
  let b: Device;
  beforeAll(async () => {
    h = await createHarness(openThroughBouncer);
    a = await h.device('lag@example.com', 'phone-a');
    b = await h.device('lag@example.com', 'phone-b');
  }, 60_000);
  afterAll(async () => {
    await clusters.resumeReplay();
    await h?.t.drop();
  });

  const replicaHas = async (ids: number[]) => {
    const replica = h.t.db.sqlReplica;
    if (!replica) throw new Error('no replica configured');
    const [row] = await replica.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sync_events WHERE event_id = ANY($1::bigint[])',
      [ids],
    );
    return row?.n;
  };
  /** A pull as the procedure makes it, and where its page was read. */
  const source = async (d: Device, cursor: number, replicaWaitMs: number) => {
    const ctx = { db: h.t.db, config: { replicaWaitMs }, log: {} as RequestLogFields };
    const page = await readPullPage(ctx, d.userId, (sql) => pullEvents(sql, d.userId, cursor, 500));
    return { page, source: ctx.log.pulledFrom };
  };

  it('reads from the replica once it holds the store’s newest event', async () => {
    const ids = await push(a, ['one', 'two', 'three']);
    await clusters.catchUp();
    const pulled = await source(b, 0, 0);
    expect(pulled.source).toBe('replica');
    expect(pulled.page.events.map((e) => e.eventId)).toEqual(ids);
  });

  it('waits a moment for a replica that is a little behind', async () => {
    await clusters.pauseReplay();
    const [id] = await push(a, ['four']);
    expect(await replicaHas([id as number])).toBe(0);
    setTimeout(() => void clusters.resumeReplay(), 100);
    const pulled = await source(b, 0, 10_000);
    expect(pulled.source).toBe('replica');
    expect(pulled.page.events.at(-1)?.eventId).toBe(id);
  });

  it('reads from the primary when the replica stays behind: no event missed, no false "up to date"', async () => {
    await clusters.catchUp();
    const before = await push(a, ['five', 'six']);
    await clusters.catchUp();
    await clusters.pauseReplay();
    const fresh = await push(a, ['seven', 'eight', 'nine']);
    expect(await replicaHas(fresh)).toBe(0);

    // A device that had pulled up to `six` (and would be poked for `nine`).
    const cursor = before.at(-1) as number;
    const page = await b.api.sync.pull({ cursor });
    expect(page.events.map((e) => e.eventId)).toEqual(fresh);
    expect(page).toMatchObject({ cursor: fresh.at(-1), hasMore: false });
    expect((await source(b, cursor, 50)).source).toBe('primary');

    // The HTTP fast path, the same way.
    const res = await h.http(`sync.pull?input=${encodeURIComponent(JSON.stringify({ cursor }))}`, {
      headers: { authorization: `Bearer ${b.token}` },
    });
    const body = (await res.json()) as {
      result: { data: { events: { eventId: number }[]; hasMore: boolean } };
    };
    expect(body.result.data.events.map((e) => e.eventId)).toEqual(fresh);
    expect(body.result.data.hasMore).toBe(false);

    // A new device paging from 0: the replica's pages, then the primary's tail; every event once.
    const all = await h.t.db.sql.query<{ id: string }>(
      'SELECT event_id::text AS id FROM sync_events WHERE user_id = $1::uuid ORDER BY event_id',
      [a.userId],
    );
    const c = await h.device('lag@example.com', 'phone-c');
    const paged = await pullAll(c, 0, 2);
    expect(paged.ids).toEqual(all.map((r) => Number(r.id)));
    expect(paged.pages.filter((p) => !p.hasMore)).toEqual([{ cursor: fresh.at(-1), hasMore: false }]);

    await clusters.resumeReplay();
    await clusters.catchUp();
    expect(await replicaHas(fresh)).toBe(fresh.length);
    expect((await source(b, cursor, 50)).source).toBe('replica');
  });
});

describe('a snapshot’s seam, through PgBouncer, with the log pulled from the replica', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(openThroughBouncer);
  }, 60_000);
  afterAll(async () => {
    await clusters.resumeReplay();
    await h?.t.drop();
  });

  type Book = Map<string, unknown>;
  /** The log from `cursor`, replayed over `book`, as a device pulls it. */
  const replay = async (d: Device, book: Book, cursor: number) => {
    for (;;) {
      const page = await d.api.sync.pull({ cursor, limit: 50 });
      for (const e of page.events) book.set(`${e.entity}/${e.entityId}`, e.row);
      cursor = page.cursor;
      if (!page.hasMore) return book;
    }
  };

  it('misses nothing written between its pages, whether the log comes from the replica or the primary', async () => {
    const a = await h.device('seam@example.com', 'writer');
    const b = await h.device('seam@example.com', 'new-phone');
    const ids = (
      await push(
        a,
        Array.from({ length: 120 }, (_, i) => `c${i}`),
      )
    ).length;
    expect(ids).toBe(120);
    await clusters.catchUp();
    const book: Book = new Map();
    let page = await b.api.sync.snapshot({ limit: 10 });
    const cursor = page.cursor;
    for (let n = 0; ; n++) {
      for (const r of page.rows) book.set(`${r.entity}/${r.row.id}`, r.row);
      // Between pages another phone edits a row already sent, adds one, deletes one not yet sent.
      const sent = [...book.keys()][n]?.split('/')[1] as string;
      const events: (ReturnType<typeof upsertEvent> | ReturnType<typeof deleteEvent>)[] = [
        upsertEvent('customers', sent, { note: `edited ${n}` }, Date.now()),
        customer(`new ${n}`),
      ];
      if (page.next) {
        const notYet = await h.t.db.sql.query<{ id: string }>(
          'SELECT id::text AS id FROM customers WHERE user_id = $1::uuid AND id > $2::uuid AND deleted_at IS NULL ORDER BY id DESC LIMIT 1',
          [a.userId, (page.next.split(':')[1] as string) ?? ''],
        );
        if (notYet[0]) events.push(deleteEvent('customers', notYet[0].id, Date.now()));
      }
      await a.api.sync.push({ deviceId: a.deviceId, events });
      if (!page.next) break;
      page = await b.api.sync.snapshot({ limit: 10, after: page.next });
    }
    // The log after the snapshot from a replica that holds it all…
    await clusters.catchUp();
    const viaReplica = await replay(b, new Map(book), cursor);
    expect(viaReplica.size).toBeGreaterThan(120);
    expect(viaReplica).toEqual(await replay(b, new Map(), 0));
    // …and, more written, from one that stopped replaying (the pulls fall back to the primary).
    await clusters.pauseReplay();
    const [first] = book.keys();
    await a.api.sync.push({
      deviceId: a.deviceId,
      events: [deleteEvent('customers', first?.split('/')[1] as string, Date.now()), customer('last')],
    });
    const viaPrimary = await replay(b, new Map(book), cursor);
    await clusters.resumeReplay();
    await clusters.catchUp();
    expect(viaPrimary).toEqual(await replay(b, new Map(), 0));
    expect(viaPrimary).not.toEqual(viaReplica);
  });
});
