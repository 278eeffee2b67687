import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Channel name → what to do with each NOTIFY payload on it. */
export type ChannelHandlers = Record<string, (payload: string) => void>;

export interface ListenOptions {
  channels: ChannelHandlers;
  /**
   * Called when a lost connection is back: notifications sent while it was
   * down are gone, so listeners should assume they missed some.
   */
  onResume?: () => void;
  /** Called when the connection drops (with the driver's error, if it gave one): it is re-opened with backoff. */
  onLost?: (error: unknown) => void;
  /** Called when an attempt to re-open it failed, with when the next one is. */
  onRetryFailed?: (error: unknown, retryInMs: number) => void;
}

export interface Listening {
  close(): Promise<void>;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * LISTEN on PostgreSQL through one dedicated connection, not a pool's: a pooler
 * in transaction mode (PgBouncer) cannot hold a LISTEN, so pass a direct URL.
 * A dropped connection is re-opened with backoff, and `onResume` said.
 */
export async function listenPg(connectionString: string, options: ListenOptions): Promise<Listening> {
  /** The connection listening now; null while one is being (re)opened. */
  let current: pg.Client | null = null;
  let closed = false;
  let retryMs = RETRY_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Opens a connection and LISTENs; it becomes `current` only once it listens. */
  const connect = async () => {
    // Keepalive: a half-open connection (a NAT's idle timeout, a failover) must end, not go deaf.
    const c = new pg.Client({ connectionString, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    c.on('notification', (n) => options.channels[n.channel]?.(n.payload ?? ''));
    // Without a listener an 'error' event would crash the process; 'end' follows it.
    let lastError: unknown = null;
    c.on('error', (error) => {
      lastError = error;
    });
    let ended = false;
    c.on('end', () => {
      ended = true;
      if (current !== c || closed) return;
      current = null;
      options.onLost?.(lastError);
      reconnectLater();
    });
    try {
      await c.connect();
      for (const channel of Object.keys(options.channels))
        await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await c.end().catch(() => undefined);
      throw error;
    }
    if (ended) throw new Error('the LISTEN connection dropped while opening');
    current = c;
  };
  const reconnectLater = () => {
    timer = setTimeout(async () => {
      if (closed) return;
      try {
        await connect();
        if (closed) return void (await current?.end().catch(() => undefined));
        retryMs = RETRY_MIN_MS;
        options.onResume?.();
      } catch (error) {
        if (closed) return;
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        options.onRetryFailed?.(error, retryMs);
        reconnectLater();
      }
    }, retryMs);
    timer.unref?.();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = current;
      current = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/** LISTEN on the embedded PGlite, in process: its connection cannot drop. */
export async function listenPglite(db: PGlite, options: ListenOptions): Promise<Listening> {
  const stops = await Promise.all(
    Object.entries(options.channels).map(([channel, handle]) => db.listen(channel, handle)),
  );
  return {
    async close() {
      await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
    },
  };
}
