import type { PullOutput } from '@storesync/schema';
import { isBadRequest, isResyncRequired } from './errors.ts';
import type { Hlc } from './hlc.ts';
import { CHUNK_EVENTS, chunks, letRequestLeave, rowsByEntity } from './pull-rows.ts';
import { acceptServerRows, assertBoundTo } from './reconcile.ts';
import { loadSnapshot } from './snapshot.ts';
import type { CatchUp } from './status.ts';
import type { Store } from './storage/types.ts';
import type { SyncApi } from './transport.ts';

export interface PullDeps {
  store: Store;
  api: SyncApi;
  hlc: Hlc;
  /** The store this sync is for: nothing is written once the book belongs to another. */
  userId: string;
  /** Events per page, 1–5000. */
  limit: number;
  /** Told when a server refused `limit` and took a smaller one: later syncs ask for that. */
  onLimitRefused?: (taken: number) => void;
  /** Events written per local transaction (default `CHUNK_EVENTS`). */
  chunkEvents?: number;
  /** Told how far a pull of more than one page has come, and null when it ends (see `SyncStatus.catchUp`). */
  onCatchUp?: (catchUp: CatchUp | null) => void;
}

/** The most a server from before 2026-12 takes: it refuses a larger `limit` with 400. */
const OLD_SERVER_LIMIT = 1000;

/**
 * Pulls the change log from the stored cursor until the server has no more.
 * Each chunk of a page is written with the cursor after its last event in one
 * local transaction, so a crash never leaves the cursor past rows that were
 * not saved; rows with pending local changes get them replayed on top (see
 * reconcile.ts). The next page is fetched while this one is written (it
 * starts at this page's cursor), so a first sync costs about the larger of
 * the network and the local writes rather than their sum. The first request
 * asks how much is left: when more than a page, `onCatchUp` follows progress.
 */
export { CHUNK_EVENTS } from './pull-rows.ts';

export async function pullChanges(deps: PullDeps): Promise<void> {
  const { lastServerEventId: cursor, caughtUpAt } = await deps.store.transaction((tx) =>
    assertBoundTo(tx, deps.userId),
  );
  let limit = deps.limit;
  const pull = async (from: number, withRemaining = false): Promise<PullOutput> => {
    try {
      return await deps.api.pull({ cursor: from, limit, ...(withRemaining && { withRemaining }) });
    } catch (error) {
      // A server not yet updated (deploys may lag the app) refuses pages over 1000: ask for 1000.
      if (limit <= OLD_SERVER_LIMIT || !isBadRequest(error)) throw error;
      limit = OLD_SERVER_LIMIT;
      const page = await deps.api.pull({ cursor: from, limit, ...(withRemaining && { withRemaining }) });
      deps.onLimitRefused?.(limit);
      return page;
    }
  };
  // A book that has never reached the log's end is partial from the start, before any answer.
  let catchUp: CatchUp | null = caughtUpAt === null ? { done: 0, total: null } : null;
  if (catchUp) deps.onCatchUp?.(catchUp);
  let whole = false;
  const reached = () => ({ caughtUpAt: new Date().toISOString() });
  let next: Promise<PullOutput> | null = null;
  try {
    // A new device takes the store's rows by snapshot, then the log from where it stood.
    const snapshot = (resync: boolean) =>
      loadSnapshot(
        { ...deps, chunkEvents: deps.chunkEvents ?? CHUNK_EVENTS },
        (done, total) => {
          catchUp = { done, total };
          deps.onCatchUp?.(catchUp);
        },
        resync,
      );
    let snapshotAt = cursor === 0 && caughtUpAt === null ? await snapshot(false) : null;
    let resynced = false;
    next = pull(snapshotAt ?? cursor, true);
    while (next) {
      let page: PullOutput;
      try {
        page = await next;
      } catch (error) {
        // The log was compacted past this device's cursor: the snapshot again, then the log from it.
        if (resynced || !isResyncRequired(error)) throw error;
        resynced = true;
        snapshotAt = await snapshot(true);
        if (snapshotAt === null) throw error;
        next = pull(snapshotAt, true);
        continue;
      }
      next = page.hasMore && page.events.length > 0 ? pull(page.cursor) : null;
      // If writing this page fails, the prefetch's own failure must not go unhandled.
      next?.catch(() => undefined);
      if (next) await letRequestLeave();
      // After a snapshot, what the log adds counts on top of its rows.
      if (page.hasMore && (catchUp?.total == null || (snapshotAt !== null && page.remaining !== undefined))) {
        const done = catchUp?.done ?? 0;
        const total = page.remaining === undefined ? null : done + page.events.length + page.remaining;
        catchUp = { done, total };
        deps.onCatchUp?.(catchUp);
      }
      for (const chunk of chunks(page.events, deps.chunkEvents ?? CHUNK_EVENTS)) {
        const last = chunk.at(-1)?.eventId ?? page.cursor;
        const end = !page.hasMore && last === page.cursor;
        await deps.store.transaction(async (tx) => {
          await assertBoundTo(tx, deps.userId);
          for (const [entity, rows] of rowsByEntity(chunk))
            await acceptServerRows(tx, deps.hlc, entity, rows);
          await tx.setState({ lastServerEventId: last, clock: deps.hlc.current(), ...(end && reached()) });
        });
        if (catchUp) {
          catchUp = { ...catchUp, done: catchUp.done + chunk.length };
          deps.onCatchUp?.(catchUp);
        }
      }
      // The end, with nothing more to write: a first sync of an empty store.
      if (!page.hasMore && page.events.length === 0 && caughtUpAt === null)
        await deps.store.transaction(async (tx) => {
          await assertBoundTo(tx, deps.userId);
          await tx.setState(reached());
        });
      if (!page.hasMore) whole = true;
    }
  } finally {
    // A book that was never whole stays marked partial when the pull stops short (offline, a fault).
    if (catchUp) deps.onCatchUp?.(whole || caughtUpAt !== null ? null : catchUp);
  }
}
