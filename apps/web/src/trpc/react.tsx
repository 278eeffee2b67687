'use client';

import type { AppRouter } from '@storesync/api';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';

/** `useTRPC()` gives typed query and mutation options for every procedure of the API. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const isUnauthorized = (error: unknown) =>
  error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED';

/** A session that ended in another tab (or expired) sends the owner back to sign in. */
const toSignIn = (error: unknown) => {
  if (isUnauthorized(error)) window.location.assign('/sign-in');
};

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, retry: (count, error) => !isUnauthorized(error) && count < 2 },
    },
    queryCache: new QueryCache({ onError: toSignIn }),
    mutationCache: new MutationCache({
      onError: toSignIn,
      // Any write changes balances, lists and the overview's figures alike.
      onSuccess: () => client.invalidateQueries(),
    }),
  });
  return client;
}

/**
 * React Query and the tRPC client for the dashboard: plain JSON batched to
 * `/api/trpc` on the same origin, authenticated by the next-auth cookie.
 */
export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    // The server takes at most 10 calls per batch (ApiConfig.maxBatchSize).
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/api/trpc', maxItems: 10 })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
