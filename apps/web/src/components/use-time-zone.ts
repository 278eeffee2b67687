'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * The browser's IANA time zone, so that "today" and per-day figures are the
 * owner's days, not the server's. Null during server rendering.
 */
export function useTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
