'use client';

import { useI18n } from '~/i18n/provider';

interface LoadMoreProps {
  /** A paged list, as `useInfiniteQuery` returns it. */
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
}

/** The button under a paged list; absent once the last page is in. */
export function LoadMore({ list, label }: LoadMoreProps) {
  const { t } = useI18n();
  if (!list.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button load-more"
      onClick={() => list.fetchNextPage()}
      disabled={list.isFetchingNextPage}
    >
      {list.isFetchingNextPage ? t('dashboard.states.loading') : label}
    </button>
  );
}
