import type { SqlDb } from '@storesync/db';
import type { Entity } from '@storesync/schema';
import { parseAfter, readSnapshotPageJson } from './snapshot.ts';

type Page = Awaited<ReturnType<typeof readSnapshotPageJson>>;

/** Pages read ahead, by store and page; few, and soon stale: a device asks for its next page at once. */
const ahead = new Map<string, { at: number; page: Promise<Page> }>();
const MAX_AHEAD = 16;
const FRESH_MS = 10_000;

const keyOf = (userId: string, after: string | null, limit: number, only?: Entity) =>
  `${userId} ${after ?? ''} ${limit} ${only ?? ''}`;

/**
 * A snapshot page, and the next one read at once, while the device parses and writes this
 * one: a first sync's pages then cost the server's time or the device's, whichever is more,
 * not both in turn. Served from the page read ahead when the device asks for it.
 *
 * A page read ahead is as good as one read when asked: its rows are read after the first
 * page's cursor, which is all the snapshot's seam needs (snapshot.ts), and it is served only
 * to the store it was read for. At most `MAX_AHEAD` wait (a page is at most ~4 MiB), each
 * `FRESH_MS` at most; one this process never serves (the device gave up, or its next request
 * went to another process) is the only work wasted.
 */
export async function readSnapshotPageAhead(
  sql: SqlDb,
  userId: string,
  after: { entity: Entity; id: string } | null,
  limit: number,
  only?: Entity,
): Promise<Page> {
  const key = keyOf(userId, after && `${after.entity}:${after.id}`, limit, only);
  const held = ahead.get(key);
  ahead.delete(key);
  const fresh = held && Date.now() - held.at < FRESH_MS ? await held.page.catch(() => null) : null;
  const page = fresh ?? (await readSnapshotPageJson(sql, userId, after, limit, only));
  const next = page.next && parseAfter(page.next);
  if (next) {
    for (const [k, v] of ahead) if (ahead.size >= MAX_AHEAD || Date.now() - v.at >= FRESH_MS) ahead.delete(k);
    const read = readSnapshotPageJson(sql, userId, next, limit, only);
    read.catch(() => undefined); // Unserved, its failure is nobody's: a request reads the page again.
    const nextKey = keyOf(userId, page.next, limit, only);
    const entry = { at: Date.now(), page: read };
    ahead.set(nextKey, entry);
    // Let go of it when stale, even if no other snapshot is asked for meanwhile.
    setTimeout(() => ahead.get(nextKey) === entry && ahead.delete(nextKey), FRESH_MS).unref?.();
  }
  return page;
}
