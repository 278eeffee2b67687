'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { refreshable } from '~/trpc/deleted-rows';
import { useTRPC } from '~/trpc/react';

/** At most one refresh a second: a busy shop's pushes must not keep cancelling the refetches. */
const REFRESH_EVERY_MS = 1_000;

/**
 * Holds the store's live subscription while a dashboard page is open: when a
 * device's push commits (and when the stream opens, for what came while it was
 * closed), the page's queries are fetched again, so lists, balances and
 * figures follow the shop without a reload. Renders nothing.
 */
export function LiveRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    pending.current ??= setTimeout(() => {
      pending.current = null;
      // A refetch already running is left to finish, not restarted; a row this tab just deleted is not fetched.
      void queryClient.invalidateQueries({ predicate: refreshable(queryClient) }, { cancelRefetch: false });
    }, REFRESH_EVERY_MS);
  };
  const live = useSubscription(
    trpc.sync.live.subscriptionOptions(undefined, { onStarted: refresh, onData: refresh }),
  );
  const { status, reset } = live;
  // A stream the server ended (a deploy, its hourly renewal) or that failed leaves the
  // subscription idle: open it again after a pause, spread so that pages do not all come back at once.
  useEffect(() => {
    if (status !== 'idle' && status !== 'error') return;
    const again = setTimeout(reset, 2_000 + Math.random() * 3_000);
    return () => clearTimeout(again);
  }, [status, reset]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  return null;
}
