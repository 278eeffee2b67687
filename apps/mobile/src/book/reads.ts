import type { Entity } from '@storesync/schema';
import type { BookReads, Row, SyncStatus } from '@storesync/sync-client';
import { useBookQuery, useRow, useSyncStatusPart } from '@storesync/sync-client/react';
import { useFocused } from '../ui/use-focused';
import { useBook } from './book-provider';

/** The tables a balance or a figure reads. */
const LEDGER: readonly Entity[] = ['customers', 'debts', 'payments', 'sales'];

/**
 * One of the book's reads, kept current: re-run (one at a time) when rows of
 * `entities` change while its screen is in view, once when it comes back into
 * view otherwise — a sale saved on one screen waits for no hidden tab's reads.
 * `key` names the read and its inputs. Undefined while loading.
 */
export function useRead<T>(key: string, read: (reads: BookReads) => Promise<T>, entities = LEDGER) {
  const { book } = useBook();
  const focused = useFocused();
  return useBookQuery(book, entities, key, () => read(book.reads), !focused);
}

/** One live row of the book: null when unknown or deleted, undefined while loading. */
export function useBookRow<E extends 'customers' | 'debts' | 'payments' | 'sales'>(
  entity: E,
  id: string | null | undefined,
): Row<E> | null | undefined {
  const { book } = useBook();
  const row = useRow(book, entity, id ?? '');
  return id ? row : null;
}

const catchUpOf = (s: SyncStatus) => s.catchUp;

/** How far a first sync or a long catch-up has come; null when the book is whole. */
export function useCatchUp() {
  const { book } = useBook();
  // Only the progress: a screen is not drawn again for each pending count or sync state.
  return useSyncStatusPart(book, catchUpOf);
}
