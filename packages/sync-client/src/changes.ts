import { ENTITIES, type Entity } from '@storesync/schema';
import type { Store, StoreTx } from './storage/types.ts';

/** Who wants to hear of which entities' changes. */
export interface ChangeFeed {
  /** Calls `listener` after a committed transaction that changed rows of any of `entities`. */
  subscribe(entities: readonly Entity[], listener: () => void): () => void;
  /** Tells the listeners of any of `entities`, each once. */
  emit(entities: ReadonlySet<Entity>): void;
}

export function createChangeFeed(): ChangeFeed {
  const listeners = new Map<() => void, ReadonlySet<Entity>>();
  return {
    subscribe(entities, listener) {
      // A wrapper per call, so one function subscribed twice is two subscriptions.
      const own = () => listener();
      listeners.set(own, new Set(entities));
      return () => {
        listeners.delete(own);
      };
    },
    emit(entities) {
      if (entities.size === 0) return;
      for (const [listener, wanted] of [...listeners]) {
        if (![...wanted].some((e) => entities.has(e))) continue;
        try {
          listener();
        } catch (error) {
          // The transaction has committed: a failing listener must not fail the write.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}

/** The transaction, its writes noting which entities' visible rows (or outbox items) they touch. */
function tracking(tx: StoreTx, touched: Set<Entity>): StoreTx {
  /** Notes the entity when the write touches any row. */
  const mark = <T>(entity: Entity, items: readonly T[]) => {
    if (items.length > 0) touched.add(entity);
    return items;
  };
  return {
    ...tx,
    putRows: (entity, rows) => tx.putRows(entity, mark(entity, rows)),
    putRowsIfNewer: (entity, rows) => tx.putRowsIfNewer(entity, mark(entity, rows)),
    deleteRows: (entity, ids) => tx.deleteRows(entity, mark(entity, ids)),
    async deleteOutbox(id, status) {
      const item = await tx.deleteOutbox(id, status);
      if (item) touched.add(item.entity);
      return item;
    },
    async reset() {
      for (const entity of ENTITIES) touched.add(entity);
      await tx.reset();
    },
  };
}

/**
 * The store, telling `feed` after each transaction commits which entities it
 * changed: once per entity per transaction, so a pulled page of 500 rows is
 * one notification, and a transaction that fails tells nobody.
 */
export function withChangeFeed(store: Store, feed: ChangeFeed): Store {
  return {
    async transaction(fn) {
      const touched = new Set<Entity>();
      const result = await store.transaction((tx) => fn(tracking(tx, touched)));
      feed.emit(touched);
      return result;
    },
    close: () => store.close(),
  };
}
