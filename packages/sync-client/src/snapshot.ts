import { ENTITIES, type SnapshotOutput } from '@storesync/schema';
import { isNotFound } from './errors.ts';
import type { PullDeps } from './pull.ts';
import { chunks, letRequestLeave, rowsByEntity } from './pull-rows.ts';
import { acceptServerRows, assertBoundTo } from './reconcile.ts';
import type { StoreTx } from './storage/types.ts';

/** Rows from which a first sync sets the book's indexes aside while it loads (storage/sql-bulk.ts). */
const BULK_ROWS = 2000;

/** Removes the book's rows the snapshot did not send, but for rows with changes not yet sent. */
async function dropUnsent(tx: StoreTx, sent: ReadonlySet<string>) {
  for (const entity of ENTITIES) {
    const ids = (await tx.listRows(entity)).map((r) => r.id).filter((id) => !sent.has(`${entity}/${id}`));
    if (ids.length === 0) continue;
    const pending = await tx.getServerRows(entity, ids);
    const gone = ids.filter((id) => !pending.has(id));
    if (gone.length > 0) await tx.deleteRows(entity, gone);
  }
}

/**
 * A new device's first sync by snapshot (docs/protocol.md, "Snapshot"): the store's current
 * rows, page by page, each chunk in one local transaction, then the cursor the first page
 * stood at, written with the last chunk; the log from that cursor does the rest. A book
 * edited for years costs its rows, not its edits. Rows this device changed meanwhile get
 * their changes replayed on top (reconcile.ts), as with the log.
 *
 * A crash midway leaves the cursor where it was: the next sync takes a snapshot again, and
 * rows already written are replaced by id. A first sync of a big book writes it with the
 * indexes set aside and builds them with the last chunk (the store builds any a crash left
 * aside when it opens). With `resync` (the server answered RESYNC_REQUIRED:
 * the device's cursor is older than the compacted log), the book held rows the snapshot may not
 * have: those the server did not send are dropped, with the last page, unless this device has
 * changes of them not yet sent (they are pushed, and the merge rules decide as always). Returns the cursor to pull the log from, or null when
 * the server has no snapshot (one deployed before it): the caller pulls the whole log.
 */
export async function loadSnapshot(
  deps: PullDeps,
  progress: (done: number, total: number | null) => void,
  resync = false,
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
  // A first sync of a big book loads it with the indexes set aside, built once at the end.
  let bulk = !resync && (total ?? 0) >= BULK_ROWS;
  // A resync also drops what the server no longer holds: the rows it did not send.
  const sent = resync ? new Set<string>() : null;
  let done = 0;
  progress(done, total);
  for (;;) {
    // The next page comes while this one is written, as with the log.
    const next = page.next ? ask(page.next) : null;
    next?.catch(() => undefined);
    if (next) await letRequestLeave();
    for (const r of page.rows) sent?.add(`${r.entity}/${r.row.id}`);
    const parts = [...chunks(page.rows, deps.chunkEvents ?? page.rows.length)];
    if (!next && parts.length === 0) parts.push([]);
    for (const [i, chunk] of parts.entries()) {
      const end = !next && i === parts.length - 1;
      await store.transaction(async (tx) => {
        await assertBoundTo(tx, deps.userId);
        if (bulk) await tx.deferIndexes?.();
        bulk = false;
        for (const [entity, rows] of rowsByEntity(chunk)) await acceptServerRows(tx, deps.hlc, entity, rows);
        if (end && sent) await dropUnsent(tx, sent);
        if (end) await tx.buildIndexes?.();
        if (end) await tx.setState({ lastServerEventId: cursor, clock: deps.hlc.current() });
      });
      done += chunk.length;
      progress(done, total);
    }
    if (!next) return cursor;
    page = await next;
  }
}
