import type { SnapshotOutput } from '@storesync/schema';
import { isNotFound } from './errors.ts';
import type { PullDeps } from './pull.ts';
import { chunks, rowsByEntity } from './pull-rows.ts';
import { acceptServerRows, assertBoundTo } from './reconcile.ts';

/**
 * A new device's first sync by snapshot (docs/protocol.md, "Snapshot"): the store's current
 * rows, page by page, each chunk in one local transaction, then the cursor the first page
 * stood at, written with the last chunk; the log from that cursor does the rest. A book
 * edited for years costs its rows, not its edits. Rows this device changed meanwhile get
 * their changes replayed on top (reconcile.ts), as with the log.
 *
 * A crash midway leaves the cursor at 0: the next sync takes a snapshot again, and rows
 * already written are replaced by id. Returns the cursor to pull the log from, or null when
 * the server has no snapshot (one deployed before it): the caller pulls the whole log.
 */
export async function loadSnapshot(
  deps: PullDeps,
  progress: (done: number, total: number | null) => void,
): Promise<number | null> {
  const { api, store } = deps;
  if (!api.snapshot) return null;
  const ask = (after?: string) =>
    api.snapshot?.({ limit: deps.limit, ...(after && { after }) }) as Promise<SnapshotOutput>;
  let page: SnapshotOutput;
  try {
    page = await ask();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const cursor = page.cursor;
  const total = page.total ?? null;
  let done = 0;
  progress(done, total);
  for (;;) {
    // The next page comes while this one is written, as with the log.
    const next = page.next ? ask(page.next) : null;
    next?.catch(() => undefined);
    const parts = [...chunks(page.rows, deps.chunkEvents ?? page.rows.length)];
    if (!next && parts.length === 0) parts.push([]);
    for (const [i, chunk] of parts.entries()) {
      const end = !next && i === parts.length - 1;
      await store.transaction(async (tx) => {
        await assertBoundTo(tx, deps.userId);
        for (const [entity, rows] of rowsByEntity(chunk)) await acceptServerRows(tx, deps.hlc, entity, rows);
        if (end) await tx.setState({ lastServerEventId: cursor, clock: deps.hlc.current() });
      });
      done += chunk.length;
      progress(done, total);
    }
    if (!next) return cursor;
    page = await next;
  }
}
