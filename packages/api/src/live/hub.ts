import type { Listening, ListenOptions } from '@storesync/db';
import { TRPCError } from '@trpc/server';
import { defaultLogger, type Logger } from '../log.ts';
import { metrics } from '../metrics.ts';

/** Every app process LISTENs on these (one connection each), whichever process committed. */
export const POKE_CHANNEL = 'storesync_poke';
/** Sent by a trigger on `sessions` when one is revoked (see its migration). */
export const REVOKE_CHANNEL = 'storesync_revoke';

/** A hint that the store has events up to `eventId`: pull. Never data. */
export interface Poke {
  eventId: number;
}

/** What a poke says on the wire of NOTIFY: whose store, which device pushed, its newest event. */
export interface PokeMessage {
  userId: string;
  deviceId: string;
  eventId: number;
}

export interface Subscriber {
  userId: string;
  /** Its own pushes are not poked back; null takes every push (see `sync.live`). */
  deviceId: string | null;
  /** The session (a bearer token's or the dashboard cookie's), to close on its revocation; null for none. */
  sessionId: string | null;
}

interface Entry extends Subscriber {
  poke(eventId: number): void;
  end(reason: Error | null): void;
}

export interface PokeHub {
  /**
   * The pokes for the subscriber's store, coalesced (a slow reader gets the
   * newest id only), leaving out the subscriber's own device's pushes. Ends
   * when `signal` aborts or the hub closes; throws UNAUTHORIZED when the
   * session is revoked.
   */
  pokes(who: Subscriber, signal: AbortSignal): AsyncGenerator<Poke>;
  /** Open subscriptions in this process. */
  readonly size: number;
  /** Ends every subscription, and any asked for later, and stops listening (before a graceful stop). */
  close(): Promise<void>;
}

export const encodePoke = (m: PokeMessage): string => JSON.stringify([m.userId, m.deviceId, m.eventId]);

function decodePoke(payload: string): PokeMessage | null {
  try {
    const [userId, deviceId, eventId] = JSON.parse(payload) as unknown[];
    if (typeof userId !== 'string' || typeof deviceId !== 'string' || typeof eventId !== 'number')
      return null;
    return { userId, deviceId, eventId };
  } catch {
    return null;
  }
}

export interface PokeHubOptions {
  /**
   * How long one stream lives before the server ends it (and the client opens
   * another, its session checked again): 55–65 min by default, spread so that
   * streams opened together (after a deploy) do not all reopen together.
   */
  lifetimeMs?: () => number;
  /** Where a lost LISTEN connection and its reconnects are logged (they are counted too). */
  logger?: Logger;
}

const defaultLifetime = () => (55 + Math.random() * 10) * 60_000;

/**
 * The process's subscriptions, fed by LISTEN: one connection per process
 * however many devices are subscribed, and nothing runs while none is poked.
 */
export async function startPokeHub(
  listen: (options: ListenOptions) => Promise<Listening>,
  options: PokeHubOptions = {},
): Promise<PokeHub> {
  const lifetimeMs = options.lifetimeMs ?? defaultLifetime;
  const logger = options.logger ?? defaultLogger;
  const byStore = new Map<string, Set<Entry>>();
  let size = 0;
  let closed = false;
  const all = () => [...byStore.values()].flatMap((set) => [...set]);

  const listening = await listen({
    channels: {
      [POKE_CHANNEL]: (payload) => {
        const m = decodePoke(payload);
        if (!m) return;
        for (const s of byStore.get(m.userId) ?? []) if (s.deviceId !== m.deviceId) s.poke(m.eventId);
      },
      [REVOKE_CHANNEL]: (sessionId) => {
        const revoked = new TRPCError({ code: 'UNAUTHORIZED', message: 'This session has been signed out' });
        for (const s of all()) if (s.sessionId === sessionId) s.end(revoked);
      },
    },
    // Pokes sent while LISTEN was down are lost: end every stream, and each client,
    // reconnecting, pulls once.
    onResume: () => {
      metrics.listenUp.set(1);
      metrics.listenReconnects.inc({ event: 'resumed' });
      logger.info({ streams: size }, 'LISTEN is back: live streams end so their clients pull once');
      for (const s of all()) s.end(null);
    },
    // Until it is back, no process hears a push: devices fall back to their timer.
    onLost: (error) => {
      metrics.listenUp.set(0);
      metrics.listenReconnects.inc({ event: 'lost' });
      logger.warn(
        { err: error, streams: size },
        'LISTEN connection lost: live updates fall back to the timer',
      );
    },
    onRetryFailed: (error, retryInMs) => {
      metrics.listenReconnects.inc({ event: 'failed' });
      logger.warn({ err: error, retryInMs }, 'LISTEN reconnect failed; retrying');
    },
  });
  metrics.listenUp.set(1);

  const add = (e: Entry) => {
    const set = byStore.get(e.userId) ?? new Set<Entry>();
    byStore.set(e.userId, set);
    set.add(e);
    size++;
    metrics.liveStreams.inc();
  };
  const remove = (e: Entry) => {
    const set = byStore.get(e.userId);
    if (!set?.delete(e)) return;
    size--;
    metrics.liveStreams.dec();
    if (set.size === 0) byStore.delete(e.userId);
  };

  return {
    async *pokes(who, signal) {
      let newest = 0;
      let sent = 0;
      // An object, not a `let`: TypeScript would narrow a `let` the callbacks assign to null.
      const state: { ended: { reason: Error | null } | null } = { ended: null };
      let wake: (() => void) | null = null;
      const entry: Entry = {
        ...who,
        poke(eventId) {
          if (eventId > newest) newest = eventId;
          wake?.();
        },
        end(reason) {
          state.ended ??= { reason };
          wake?.();
        },
      };
      // Ended by the server, so the client hears tRPC's `return` rather than a cut stream.
      const lifetime = setTimeout(() => entry.end(null), lifetimeMs());
      const onAbort = () => entry.end(null);
      signal.addEventListener('abort', onAbort);
      if (closed) entry.end(null);
      add(entry);
      try {
        while (!signal.aborted) {
          if (state.ended) {
            if (state.ended.reason) throw state.ended.reason;
            return;
          }
          if (newest > sent) {
            sent = newest;
            metrics.pokesSent.inc();
            yield { eventId: sent };
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
      } finally {
        clearTimeout(lifetime);
        remove(entry);
        signal.removeEventListener('abort', onAbort);
      }
    },
    get size() {
      return size;
    },
    async close() {
      // A stream asked for while the process drains ends at once (its client goes elsewhere).
      closed = true;
      for (const s of all()) s.end(null);
      await listening.close();
      metrics.listenUp.set(0);
    },
  };
}
