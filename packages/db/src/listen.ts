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
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = RETRY_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => options.channels[n.channel]?.(n.payload ?? ''));
    // Without a listener an 'error' event would crash the process; 'end' follows it.
    c.on('error', () => {});
    c.on('end', () => {
      if (client !== c || closed) return;
      client = null;
      reconnectLater();
    });
    await c.connect();
    for (const channel of Object.keys(options.channels))
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return c;
  };
  const reconnectLater = () => {
    timer = setTimeout(async () => {
      try {
        const c = await connect();
        if (closed) return void (await c.end());
        client = c;
        retryMs = RETRY_MIN_MS;
        options.onResume?.();
      } catch {
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        reconnectLater();
      }
    }, retryMs);
    timer.unref?.();
  };

  client = await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
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
