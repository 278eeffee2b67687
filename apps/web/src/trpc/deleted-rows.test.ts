import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { noteDeleted, refreshable } from './deleted-rows';

// Query keys as @trpc/tanstack-react-query makes them: [path, { input, type }].
const key = (path: string[], id?: string) => [path, { ...(id && { input: { id } }), type: 'query' }];

/** A query on screen (one observer), counting its fetches. */
function watch(client: QueryClient, queryKey: unknown[]) {
  let fetches = 0;
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: async () => ++fetches,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const stop = observer.subscribe(() => undefined);
  return { fetches: () => fetches, stop };
}

/** Runs a mutation of `path` on row `id` to success, as the mutation cache's onSuccess sees it. */
async function mutate(client: QueryClient, path: string[], id: string) {
  const mutation = client
    .getMutationCache()
    .build(client, { mutationKey: [path], mutationFn: async (): Promise<unknown> => null });
  await mutation.execute({ id });
  noteDeleted(client, mutation, { id });
}

const refresh = (client: QueryClient) => client.invalidateQueries({ predicate: refreshable(client) });
const settled = () => new Promise((r) => setTimeout(r, 10));

describe('refreshable', () => {
  it('skips the rows a delete removed while their page is on screen, and refreshes every other query', async () => {
    const client = new QueryClient();
    const gone = watch(client, key(['customers', 'get'], 'a'));
    const other = watch(client, key(['customers', 'get'], 'b'));
    const list = watch(client, key(['customers', 'list']));
    await settled();
    expect([gone.fetches(), other.fetches(), list.fetches()]).toEqual([1, 1, 1]);

    await mutate(client, ['customers', 'delete'], 'a');
    await refresh(client);
    await refresh(client);
    expect([gone.fetches(), other.fetches(), list.fetches()]).toEqual([1, 3, 3]);
  });

  it('skips the lists of a deleted customer its page still shows (links, reminders by customerId)', async () => {
    const client = new QueryClient();
    const byCustomer = (path: string[], customerId: string) => [
      path,
      { input: { customerId }, type: 'query' },
    ];
    const links = watch(client, byCustomer(['links', 'list'], 'a'));
    const others = watch(client, byCustomer(['links', 'list'], 'b'));
    await settled();
    await mutate(client, ['customers', 'delete'], 'a');
    await refresh(client);
    expect([links.fetches(), others.fetches()]).toEqual([1, 2]);
  });

  it('forgets the row once nothing shows it: a later visit refreshes as any other', async () => {
    const client = new QueryClient();
    const first = watch(client, key(['customers', 'get'], 'a'));
    await settled();
    await mutate(client, ['customers', 'delete'], 'a');
    first.stop();
    await refresh(client);

    const again = watch(client, key(['customers', 'get'], 'a'));
    await settled();
    const before = again.fetches();
    await refresh(client);
    expect(again.fetches()).toBe(before + 1);
  });

  it('takes only deletes: an edit of a row keeps it refreshed', async () => {
    const client = new QueryClient();
    const row = watch(client, key(['customers', 'get'], 'a'));
    await settled();
    await mutate(client, ['customers', 'update'], 'a');
    await refresh(client);
    expect(row.fetches()).toBe(2);
  });
});
