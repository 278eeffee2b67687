import type { Mutation, Query, QueryClient } from '@tanstack/react-query';

/** Ids this tab just deleted, by query client, while their pages are being left. */
const leaving = new WeakMap<QueryClient, Set<string>>();

/** The row a tRPC query asks for, or the customer whose rows it lists (links, reminders), if its input names one. */
const rowOf = (query: Query): unknown => {
  const input = (query.queryKey[1] as { input?: { id?: unknown; customerId?: unknown } } | undefined)?.input;
  return input?.id ?? input?.customerId;
};

/** Notes the id a successful mutation deleted, if it was a delete: see `refreshable`. */
export function noteDeleted(
  client: QueryClient,
  mutation: Mutation<unknown, unknown, unknown>,
  variables: unknown,
) {
  const path = mutation.options.mutationKey?.[0];
  const id = (variables as { id?: unknown } | null)?.id;
  if (!Array.isArray(path) || path.at(-1) !== 'delete' || typeof id !== 'string') return;
  const ids = leaving.get(client) ?? new Set<string>();
  leaving.set(client, ids);
  ids.add(id);
}

/**
 * The queries a refresh (after a write, or a live poke) may fetch again: all
 * but those of a row this tab deleted whose page is still on screen, on its
 * way out — fetching it would only flash "No such customer". Once nothing
 * shows the row, it is forgotten: a later visit (say, after a phone restored
 * it) refreshes as any other.
 */
export const refreshable =
  (client: QueryClient) =>
  (query: Query): boolean => {
    const ids = leaving.get(client);
    const id = rowOf(query);
    if (!ids || typeof id !== 'string' || !ids.has(id)) return true;
    if (query.getObserversCount() > 0) return false;
    ids.delete(id);
    return true;
  };
