import { ENTITIES, type Entity, type EntityRow } from '@storesync/schema';

/**
 * Events written per local transaction by default: a whole page of 5,000. Smaller chunks let
 * a screen's read in between, but on the web build (expo-sqlite's wa-sqlite on OPFS) every
 * commit cost time that grew with the book: 22,000 entries took 32–45 s in chunks of 500
 * against 12 s in chunks of 5,000 (same loaded machine, docs/benchmarks.md).
 */
export const CHUNK_EVENTS = 5000;

const isEntity = (e: string): e is Entity => (ENTITIES as readonly string[]).includes(e);

/**
 * The page's rows by entity, in log order. An entity this app version does not
 * know is skipped, not allowed to block the log.
 */
export function rowsByEntity(
  events: readonly { entity: string; row: EntityRow }[],
): Map<Entity, EntityRow[]> {
  const rows = new Map<Entity, EntityRow[]>();
  for (const event of events) {
    if (!isEntity(event.entity)) continue;
    const list = rows.get(event.entity) ?? [];
    rows.set(event.entity, list);
    list.push(event.row);
  }
  return rows;
}

/** The page's events in runs of `size`. */
export function* chunks<T>(events: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < events.length; i += size) yield events.slice(i, i + size);
}

/**
 * Lets a request just made leave before the page in hand is written: a synchronous SQLite
 * binding (better-sqlite3) holds the event loop for the whole write, and the next page's
 * request would wait behind it instead of being answered meanwhile. A first sync of
 * 100,000 rows: a page every ~70 ms without, ~45 ms with (docs/benchmarks.md).
 */
export const letRequestLeave = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
