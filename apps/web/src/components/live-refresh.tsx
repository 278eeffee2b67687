'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '~/trpc/react';

/**
 * Holds the store's live subscription while a dashboard page is open: when a
 * device's push commits, every query is fetched again, so lists, balances and
 * figures follow the shop without a reload. Renders nothing.
 */
export function LiveRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useSubscription(
    trpc.sync.live.subscriptionOptions(undefined, {
      onData: () => void queryClient.invalidateQueries(),
    }),
  );
  return null;
}
