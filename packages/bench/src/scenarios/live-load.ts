import { parentPort, workerData } from 'node:worker_threads';
import type { AppRouter } from '@storesync/api';
import { createTrpcSyncApi, fetchEventSource } from '@storesync/sync-client';
import { createTRPCClient, httpLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { SyncApi } from '../clients.ts';
import { newCustomerEvents } from '../events.ts';
import { type LoadResult, pacedPush } from './load.ts';

/**
 * The background of the live scenario, in a worker thread so that its 50
 * devices do not hold up the event loop that times the probe: `stores` stores
 * of two devices, the first of each store on the first app process, the
 * second on the other, every one holding `sync.live` (the sync client's own
 * transport) and pulling whenever poked, as a phone does; then, told to start,
 * the paced load of scenarios/load.ts (50 events a second each).
 */
export interface LiveLoadInput {
  bases: [string, string];
  stores: number;
  seconds: number;
  /** Whether a device pulls when poked (as the sync client does); false: pokes are only counted. */
  pull: boolean;
}

export type LiveLoadMessage =
  | { type: 'ready'; devices: number }
  | { type: 'done'; load: LoadResult; pokes: number; pulls: number; pulledEvents: number; reopened: number };

interface LiveDevice extends SyncApi {
  close(): void;
}

const input = workerData as LiveLoadInput;
let pokes = 0;
let pulls = 0;
let pulledEvents = 0;
let reopened = 0;

async function liveDevice(base: string, email: string, deviceId: string, onOpen: () => void) {
  const url = `${base}/api/trpc`;
  const anon = createTRPCClient<AppRouter>({ links: [httpLink({ url })] });
  const { sessionToken } = await anon.auth.devSignIn.mutate({ email, deviceId });
  const api = createTrpcSyncApi({
    url,
    getToken: () => sessionToken,
    openEventSource: fetchEventSource(EventSource),
  });
  let cursor = 0;
  let pulling = false;
  let again = false;
  // Pulls to the end of the store, once more if poked meanwhile (the sync client's coalescing).
  const pull = async () => {
    if (pulling) {
      again = true;
      return;
    }
    pulling = true;
    try {
      do {
        again = false;
        for (let more = true; more; ) {
          const page = await api.pull({ cursor, limit: 500 });
          pulls += 1;
          pulledEvents += page.events.length;
          cursor = page.cursor;
          more = page.hasMore;
        }
      } while (again);
    } catch {
      // A failed pull waits for the next poke, as the phone's would wait for its timer.
    } finally {
      pulling = false;
    }
  };
  let opened = false;
  let unsubscribe = () => {};
  let closed = false;
  const subscribe = () => {
    unsubscribe =
      api.live?.({
        onOpen() {
          if (!opened) onOpen();
          else reopened += 1;
          opened = true;
          void pull();
        },
        onPoke() {
          pokes += 1;
          if (input.pull) void pull();
        },
        onClose() {
          if (!closed) setTimeout(subscribe, 100);
        },
      }) ?? (() => {});
  };
  subscribe();
  const device: LiveDevice = {
    deviceId,
    push: (events) => api.push({ deviceId, events: events as never }),
    pull: (i) => api.pull(i),
    close() {
      closed = true;
      unsubscribe();
    },
  };
  return device;
}

const port = parentPort;
if (!port) throw new Error('live-load.ts runs as a worker thread');
let open = 0;
const devices: LiveDevice[] = [];
for (let side = 0; side < 2; side++) {
  for (let s = 0; s < input.stores; s++) {
    const base = input.bases[side] as string;
    devices.push(
      await liveDevice(base, `live-load${s}@example.com`, `live-load-${s}-${side}`, () => {
        open += 1;
      }),
    );
  }
}
// Each device's first push opens its store and a pooled connection: not part of the steady state.
await Promise.all(devices.map((d) => d.push(newCustomerEvents(50, d.deviceId))));
while (open < devices.length) await new Promise((r) => setTimeout(r, 20));
port.postMessage({ type: 'ready', devices: devices.length } satisfies LiveLoadMessage);
await new Promise((resolve) => port.once('message', resolve));
const load = await pacedPush(devices, 50, input.seconds, 1000);
// The last pokes' pulls.
await new Promise((r) => setTimeout(r, 500));
for (const d of devices) d.close();
port.postMessage({ type: 'done', load, pokes, pulls, pulledEvents, reopened } satisfies LiveLoadMessage);
port.close();
