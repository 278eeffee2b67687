import { ENTITIES, type Entity, type PullOutput } from '@storesync/schema';
import type { Hlc } from './hlc.ts';
import { acceptServerRow, assertBoundTo, createTouchedRows } from './reconcile.ts';
import type { Store } from './storage/types.ts';
import type { SyncApi } from './transport.ts';

export interface PullDeps {
  store: Store;
  api: SyncApi;
  hlc: Hlc;
  /** The store this sync is for: nothing is written once the book belongs to another. */
  userId: string;
  /** Events per page, 1–1000. */
  limit: number;
}

const isEntity = (e: string): e is Entity => (ENTITIES as readonly string[]).includes(e);

/**
 * Pulls the change log from the stored cursor until the server has no more.
 * Each page's rows and its cursor are written in one local transaction, so a
 * crash never leaves the cursor past rows that were not saved; rows with
 * pending local changes get them replayed on top (see rebase.ts). The next
 * page is fetched while this one is written (it starts at this page's cursor,
 * which is stored only with this page's rows), so a first sync costs about the
 * larger of the network and the local writes rather than their sum.
 */
export async function pullChanges(deps: PullDeps): Promise<void> {
  const { lastServerEventId: cursor } = await deps.store.transaction((tx) => assertBoundTo(tx, deps.userId));
  let next: Promise<PullOutput> | null = deps.api.pull({ cursor, limit: deps.limit });
  while (next) {
    const page: PullOutput = await next;
    next =
      page.hasMore && page.events.length > 0
        ? deps.api.pull({ cursor: page.cursor, limit: deps.limit })
        : null;
    // If writing this page fails, the prefetch's own failure must not go unhandled.
    next?.catch(() => undefined);
    await deps.store.transaction(async (tx) => {
      await assertBoundTo(tx, deps.userId);
      const touched = createTouchedRows();
      for (const event of page.events) {
        // An entity this app version does not know is skipped, not allowed to block the log.
        if (!isEntity(event.entity)) continue;
        await acceptServerRow(tx, deps.hlc, event.entity, event.row);
        touched.add(event.entity, event.entityId);
      }
      await touched.refreshAll(tx);
      await tx.setState({ lastServerEventId: page.cursor, clock: deps.hlc.current() });
    });
  }
}
