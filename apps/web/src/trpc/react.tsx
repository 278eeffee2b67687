'use client';

import type { AppRouter } from '@storesync/api';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import { noteDeleted, refreshable } from './deleted-rows';

/** `useTRPC()` gives typed query and mutation options for every procedure of the API. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const codeOf = (error: unknown): unknown => (error instanceof TRPCClientError ? error.data?.code : undefined);
const isUnauthorized = (error: unknown) => codeOf(error) === 'UNAUTHORIZED';

/** Answers that asking again cannot change: no retry, the page shows them at once. */
const FINAL = new Set(['UNAUTHORIZED', 'NOT_FOUND', 'BAD_REQUEST', 'FORBIDDEN']);

/** A session that ended in another tab (or expired) sends the owner back to sign in. */
const toSignIn = (error: unknown) => {
  if (isUnauthorized(error)) window.location.assign('/sign-in');
};

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, retry: (count, error) => !FINAL.has(String(codeOf(error))) && count < 2 },
    },
    queryCache: new QueryCache({ onError: toSignIn }),
    mutationCache: new MutationCache({
      onError: toSignIn,
      // Any write changes balances, lists and the overview's figures alike; a row just deleted
      // is not fetched again (its page is being left).
      onSuccess: (_data, variables, _context, mutation) => {
        noteDeleted(client, mutation, variables);
        return client.invalidateQueries({ predicate: refreshable(client) });
      },
    }),
  });
  return client;
}

/**
 * React Query and the tRPC client for the dashboard: plain JSON batched to
 * `/api/trpc` on the same origin, authenticated by the next-auth cookie; the
 * live subscription over the browser's own EventSource (same origin, so the
 * cookie goes along).
 */
export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    // The server takes at most 10 calls per batch (ApiConfig.maxBatchSize).
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url: '/api/trpc' }),
          false: httpBatchLink({ url: '/api/trpc', maxItems: 10 }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
