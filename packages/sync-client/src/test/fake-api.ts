import type {
  Entity,
  EntityRow,
  PulledEvent,
  PullOutput,
  PushEvent,
  PushOutput,
  PushResult,
} from '@storesync/schema';
import { TRPCClientError } from '@trpc/client';
import { createSyncClient } from '../client.ts';
import { createMemoryStore } from '../storage/memory.ts';
import type { Store } from '../storage/types.ts';
import type { SyncApi } from '../transport.ts';

export const SERVER_TIME = '2030-05-01T12:00:00.000Z';

/** A canonical server row with the common columns filled in. */
export const serverRow = (id: string, fields: Record<string, unknown>, rowVersion = 1): EntityRow => ({
  id,
  createdAt: SERVER_TIME,
  updatedAt: SERVER_TIME,
  deletedAt: null,
  updatedByDeviceId: 'server-test',
  rowVersion,
  ...fields,
});

export const pulled = (eventId: number, entity: Entity, row: EntityRow): PulledEvent => ({
  eventId,
  entity,
  entityId: row.id,
  op: row.deletedAt ? 'delete' : 'upsert',
  row,
  deviceId: 'other-device',
  serverReceivedAt: SERVER_TIME,
});

/** A failure as the tRPC client reports it: no HTTP status means no answer at all. */
export const networkError = () => new TRPCClientError('fetch failed');
export const httpError = (httpStatus: number, code: string, headers: Record<string, string> = {}) =>
  TRPCClientError.from(
    { error: { message: code, code: -32000, data: { code, httpStatus } } },
    { meta: { response: new Response(null, { status: httpStatus, headers }) } },
  );

type PushHandler = (events: PushEvent[], call: number) => PushResult[] | Promise<PushResult[]>;
type PullHandler = (cursor: number, limit: number) => PullOutput | Promise<PullOutput>;

/** A stand-in server: answers push and pull with the given handlers and records the calls. */
export function createScriptedApi(handlers: { push?: PushHandler; pull?: PullHandler } = {}) {
  const pushes: PushEvent[][] = [];
  const pulls: number[] = [];
  const api: SyncApi = {
    async push({ events }): Promise<PushOutput> {
      pushes.push(events);
      const applyAll: PushHandler = (es) => es.map((e) => ({ eventUuid: e.eventUuid, status: 'applied' }));
      return { results: await (handlers.push ?? applyAll)(events, pushes.length), serverTime: SERVER_TIME };
    },
    async pull({ cursor, limit }) {
      pulls.push(cursor);
      return handlers.pull ? handlers.pull(cursor, limit) : { events: [], cursor, hasMore: false };
    },
  };
  return { api, pushes, pulls };
}

/** A stand-in server whose pull serves the events past the cursor of a log the test appends to. */
export function createPullLog() {
  let log: PulledEvent[] = [];
  const server = createScriptedApi({
    pull: (cursor) => {
      const events = log.filter((e) => e.eventId > cursor);
      return { events, cursor: events.at(-1)?.eventId ?? cursor, hasMore: false };
    },
  });
  /** Logs `row` as the next event, made by another device. */
  const append = (entity: Entity, row: EntityRow) => {
    log = [...log, pulled(log.length + 1, entity, row)];
  };
  return { ...server, append };
}

/** A stand-in server that rejects every change whose note is 'bad' and applies the rest. */
export const rejectingBadNotes = () =>
  createScriptedApi({
    push: (events) =>
      events.map(
        (e): PushResult =>
          e.payload?.note === 'bad'
            ? {
                eventUuid: e.eventUuid,
                status: 'rejected',
                error: { code: 'INVALID_PAYLOAD', message: 'no' },
              }
            : { eventUuid: e.eventUuid, status: 'applied' },
      ),
  });

/** A signed-in client on a memory store and a scripted server, syncing only when told to. */
export async function createTestClient(
  api: SyncApi,
  store: Store = createMemoryStore(),
  options: { pullChunkEvents?: number } = {},
) {
  let n = 0;
  const client = await createSyncClient({
    store,
    api,
    deviceId: 'device-a',
    intervalMs: 3_600_000,
    writeDelayMs: 3_600_000,
    newId: () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`,
    connectivity: { isOnline: () => false, subscribe: () => () => undefined },
    ...options,
  });
  await client.signIn('user-1');
  return { client, store };
}
