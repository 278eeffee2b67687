import type { Entity } from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import type { ReactNode } from 'react';

/** What every form of a row takes: the row to edit (none: a new one), where to start, what to do after. */
export interface EntryFormProps<E extends Exclude<Entity, 'settings'>> {
  row?: Row<E>;
  /** Values to start from: a change the server refused, to fix and save again. */
  draft?: Partial<Row<E>> | null;
  onDone: () => void;
  /** Below the save button, e.g. the delete of an existing entry. */
  footer?: ReactNode;
}
