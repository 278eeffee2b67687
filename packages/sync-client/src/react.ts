import { ENTITIES, type Entity } from '@storesync/schema';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { SyncClient } from './client.ts';
import type { FailedChange } from './failed.ts';
import type { Repository } from './repositories.ts';
import type { Row } from './rows.ts';
import type { SyncStatus } from './status.ts';

/** What a live read last produced, for which inputs. */
type Loaded<T> = { key: string; value: T } | { key: string; error: unknown };

/**
 * `read()` now and again after every change of `entities`, without polling.
 * Undefined until the first read for these inputs has finished; a read that
 * fails throws on render (for an error boundary). Changes that come while a
 * read runs are answered by one more read when it ends, not one each: a sync
 * writing chunk after chunk re-runs a screen's query at most once at a time.
 * While `paused` (a screen out of sight), changes only mark the read stale; it
 * runs once when the pause ends, so hidden screens do not queue their reads
 * ahead of the one in view.
 */
function useLive<T>(
  book: SyncClient,
  entities: readonly Entity[],
  key: string,
  read: () => Promise<T>,
  paused = false,
) {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const pausedNow = useRef(paused);
  pausedNow.current = paused;
  const stale = useRef(false);
  const reload = useRef<(() => void) | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `entities` and `read`'s inputs.
  useEffect(() => {
    let active = true;
    let running = false;
    let again = false;
    const load = () => {
      if (pausedNow.current) {
        stale.current = true;
        return;
      }
      if (running) {
        again = true;
        return;
      }
      running = true;
      read()
        .then(
          (value) => active && setLoaded({ key, value }),
          (error: unknown) => active && setLoaded({ key, error }),
        )
        .finally(() => {
          running = false;
          if (active && again) {
            again = false;
            load();
          }
        });
    };
    reload.current = load;
    const unsubscribe = book.subscribe(entities, load);
    load();
    return () => {
      active = false;
      reload.current = null;
      unsubscribe();
    };
  }, [book, key]);
  useEffect(() => {
    if (paused || !stale.current) return;
    stale.current = false;
    reload.current?.();
  }, [paused]);
  if (!loaded || loaded.key !== key) return undefined;
  if ('error' in loaded) throw loaded.error;
  return loaded.value;
}

/**
 * Any read of the book (usually one of `book.reads`), kept current: run again
 * when rows of `entities` change. `key` names the read's inputs: a new key is a
 * new read (undefined until it answers). The way a screen shows a slice of a
 * big book without holding the whole book. `paused`: the screen is out of sight
 * (see `useLive`); it keeps what it last read and catches up when shown.
 */
export const useBookQuery = <T>(
  book: SyncClient,
  entities: readonly Entity[],
  key: string,
  read: () => Promise<T>,
  paused = false,
): T | undefined => useLive(book, entities, key, read, paused);

/** Entities with a repository of many rows (settings is one row: `useSettings`). */
type RowEntity = Exclude<Entity, 'settings'>;

/** The book's repository of `entity`; `SyncClient` holds one per entity under its name. */
const repository = <E extends RowEntity>(book: SyncClient, entity: E) =>
  book[entity] as unknown as Repository<E>;

/** The entity's rows by creation time, kept current; undefined while loading. */
export function useRows<E extends RowEntity>(
  book: SyncClient,
  entity: E,
  opts: { includeDeleted?: boolean } = {},
): Row<E>[] | undefined {
  const includeDeleted = opts.includeDeleted ?? false;
  return useLive(book, [entity], `${entity}:${includeDeleted}`, () =>
    repository(book, entity).list({ includeDeleted }),
  );
}

/** One row, kept current: null when unknown or deleted, undefined while loading. */
export function useRow<E extends RowEntity>(
  book: SyncClient,
  entity: E,
  id: string,
): Row<E> | null | undefined {
  return useLive(book, [entity], `${entity}:${id}`, () => repository(book, entity).get(id));
}

/**
 * The store's settings (currency, shop name), kept current as this device sets
 * them or pulls another's: null while none are set, undefined while loading.
 */
export function useSettings(book: SyncClient): Row<'settings'> | null | undefined {
  return useLive(book, ['settings'], 'settings', () => book.settings.get());
}

/** The sync status (state, pending, failed, last sync), re-rendering on each change. */
export function useSyncStatus(book: SyncClient): SyncStatus {
  return useSyncExternalStore(book.status.subscribe, book.status.get, book.status.get);
}

/**
 * One part of the sync status (`part` picks it), re-rendering only when that part changes:
 * a screen that shows the catch-up's progress is not drawn again for each pending count or
 * sync state. `part` must return the status's own values (compared with `Object.is`).
 */
export function useSyncStatusPart<T>(book: SyncClient, part: (status: SyncStatus) => T): T {
  const get = () => part(book.status.get());
  return useSyncExternalStore(book.status.subscribe, get, get);
}

/** The changes the server rejected, oldest first, kept current; undefined while loading. */
export function useFailedChanges(book: SyncClient): FailedChange[] | undefined {
  // A rejection undoes its row, and a discard deletes its item: either tells the entity's subscribers.
  return useLive(book, ENTITIES, 'failed', () => book.failedChanges());
}
