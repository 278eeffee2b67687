import { useFailedChanges } from '@storesync/sync-client/react';
import { useBook } from './book-provider';

/**
 * A refused change opened for fixing (`?failed=<id>` on a form's route): its
 * values to start the form from, and `resolve` to forget it once the fix is saved.
 */
export function useFailedDraft(failedId: string | undefined) {
  const { book } = useBook();
  const failed = useFailedChanges(book);
  const change = failedId === undefined ? undefined : failed?.find((c) => String(c.id) === failedId);
  return {
    loading: failedId !== undefined && failed === undefined,
    draft: change?.payload ?? null,
    resolve: async () => {
      if (change) await book.discardFailed(change.id);
    },
  };
}
