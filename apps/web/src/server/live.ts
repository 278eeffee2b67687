import { type PokeHub, startPokeHub } from '@storesync/api';
import { getOpenDb } from './db';
import { isShuttingDown } from './shutdown';

// One hub, one LISTEN connection per process: Next loads this module more than once.
const holder = globalThis as unknown as { storesyncLive?: Promise<PokeHub> };

/** The process's live subscriptions, listening on the database it opened (started at boot). */
export function getLive(): Promise<PokeHub> {
  // Draining: no new hub (its streams would hold the stop up); the request fails and its client retries elsewhere.
  if (isShuttingDown()) return Promise.reject(new Error('the server is shutting down'));
  holder.storesyncLive ??= getOpenDb()
    .then((open) => startPokeHub(open.listen))
    .catch((error) => {
      holder.storesyncLive = undefined;
      throw error;
    });
  return holder.storesyncLive;
}

/** Ends every live stream (so a graceful stop is not held up by them) and stops listening. */
export async function closeLive(): Promise<void> {
  const live = holder.storesyncLive;
  holder.storesyncLive = undefined;
  await (await live?.catch(() => undefined))?.close();
}
