import { useCallback, useState } from 'react';
import { useBook } from './book-provider';

/** Pull-to-refresh: a sync now. A failure shows in the sync line, not here. */
export function useRefresh() {
  const { book } = useBook();
  const [refreshing, setRefreshing] = useState(false);
  const onRefresh = useCallback(() => {
    setRefreshing(true);
    book
      .syncNow()
      .catch(() => undefined)
      .finally(() => setRefreshing(false));
  }, [book]);
  return { refreshing, onRefresh };
}
