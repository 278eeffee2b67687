import type { SqlDb } from '@storesync/db';
import {
  ENTITIES,
  type Entity,
  entityFieldNames,
  fieldKind,
  type SnapshotInput,
  type SnapshotOutput,
} from '@storesync/schema';
import { TRPCError } from '@trpc/server';
import { PAGE_BYTES } from './pull.ts';
import { newestEventId } from './pull-source.ts';
import { snake, tableOf } from './tables.ts';

/** Tombstones a snapshot still carries: rows deleted within this many days (a phone lists them as recently deleted). */
export const SNAPSHOT_TOMBSTONE_DAYS = 90;

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A field's value as `canonicalRow` has it in the log's rows, as JSON text: instants as ISO-8601 UTC, days as `YYYY-MM-DD`. */
function fieldJson(entity: Entity, field: string): string {
  const col = snake(field);
  const kind = fieldKind(entity, field);
  if (kind === 'timestamp') return `to_json(${iso(col)})`;
  if (kind === 'date') return `to_json(to_char(${col}, 'YYYY-MM-DD'))`;
  if (kind === 'json') return `${col}::text`;
  return `to_json(${col})`;
}

/**
 * The entity's row as docs/protocol.md's `EntityRow`, printed by PostgreSQL as compact JSON
 * text: the same JSON as the row of the log's newest entry for it (snapshot.pg.test.ts
 * compares the two). Concatenated rather than `json_build_object`: a third less of the
 * database's time and a fifth fewer bytes (no spaces). A tombstone's `deletedAt` is its
 * delete clock's time, as `deletedAtOf` gives it.
 */
function rowJson(entity: Entity): string {
  const pairs: [string, string][] = [
    ['id', 'to_json(id)'],
    ...entityFieldNames(entity).map((f): [string, string] => [f, fieldJson(entity, f)]),
    ['createdAt', `to_json(${iso('created_at')})`],
    ['updatedAt', `to_json(${iso('updated_at')})`],
    ['deletedAt', 'CASE WHEN deleted_at IS NULL THEN NULL ELSE deleted_clock->0 END'],
    ['updatedByDeviceId', 'to_json(updated_by_device_id)'],
    ['rowVersion', 'to_json(row_version)'],
  ];
  const parts = pairs.map(
    ([key, value], i) => `'${i === 0 ? '{' : ','}"${key}":' || coalesce(${value}::text, 'null')`,
  );
  return `${parts.join(' || ')} || '}'`;
}

/** What a row counts for against `PAGE_BYTES`: its JSON columns as stored (compressed ones weigh 8×, as in pull.ts), plus a flat share. */
function rowWeight(entity: Entity): string {
  const json = entityFieldNames(entity).filter((f) => fieldKind(entity, f) === 'json');
  const parts = json.map(
    (f) =>
      `coalesce(pg_column_size(${snake(f)}) * CASE WHEN pg_column_compression(${snake(f)}) IS NULL THEN 1 ELSE 8 END, 0)`,
  );
  return ['300', ...parts].join(' + ');
}

/**
 * One entity's rows by id (after `$2` when `keyed`), `$3` at most, live or deleted within the
 * tombstone days: a range scan of the (user_id, id) primary key. A row past the page's byte
 * budget (`$4`, what earlier entities of the page left) comes back unprinted: the page ends.
 */
const entityPageSql = (entity: Entity, keyed: boolean) => `SELECT id::text AS id,
    CASE WHEN coalesce(sum(${rowWeight(entity)}) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
      < $4::bigint THEN ${rowJson(entity)} END AS row
  FROM ${tableOf(entity)} t
  WHERE user_id = $1::uuid AND ${keyed ? 'id > $2::uuid' : '$2::uuid IS NULL'}
    AND (deleted_at IS NULL OR deleted_at > now() - make_interval(days => ${SNAPSHOT_TOMBSTONE_DAYS}))
  ORDER BY t.id LIMIT $3::int`; // t.id: a bare `id` would sort by the output's id::text, over every row left

const PAGE_SQL = Object.fromEntries(
  ENTITIES.map((e) => [e, { keyed: entityPageSql(e, true), first: entityPageSql(e, false) }]),
) as Record<Entity, { keyed: string; first: string }>;

/** After every UUID: a page that ends between two entities names the earlier one's end. */
const PAST_ALL = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** The count of the rows a snapshot holds, for the first page's `total`. */
const TOTAL_SQL = `SELECT (${ENTITIES.map(
  (e) =>
    `(SELECT count(*) FROM ${tableOf(e)} WHERE user_id = $1::uuid
      AND (deleted_at IS NULL OR deleted_at > now() - make_interval(days => ${SNAPSHOT_TOMBSTONE_DAYS})))`,
).join(' + ')})::text AS n`;

/** Parses a page's `next` (`<entity>:<id>`, already matched by `SnapshotAfterSchema`); null when it names no entity. */
export function parseAfter(after: string): { entity: Entity; id: string } | null {
  const [entity, id] = after.split(':') as [string, string];
  return (ENTITIES as readonly string[]).includes(entity) ? { entity: entity as Entity, id } : null;
}

/** Where a request's page starts: its `after`, checked against its `entity`; BAD_REQUEST for one that is no page's `next`. */
export function snapshotStart(input: SnapshotInput): { entity: Entity; id: string } | null {
  const after = input.after === undefined ? null : parseAfter(input.after);
  if ((input.after !== undefined && !after) || (after && input.entity && after.entity !== input.entity))
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: "after: not a page's next of this snapshot; pass it as it is",
    });
  return after;
}

/**
 * A page of the store's current rows, for a device with no cursor (docs/protocol.md,
 * "Snapshot"): what it needs is the book, not every edit that made it. The page comes as
 * `SnapshotOutput`'s JSON text, spliced from the rows PostgreSQL printed: the door serves it
 * as it is (pull-route.ts), and no row is parsed and printed again on the way.
 *
 * Why the snapshot and the log after it miss nothing: `cursor` is the store's newest event id,
 * read before the page's rows, and every event up to it is committed (ids of one store commit
 * in order, sync/lock.ts). So every row of every page is at least as new as the log at
 * `cursor`; one that is newer was changed by an event after it, and the log from the first
 * page's `cursor` brings that event, whose row is the row as of it. Replaying the log over the
 * snapshot, in order, ends at the server's rows. Pages are read from the primary: a lagging
 * replica could serve a row older than the first page's cursor, which the log would not mend.
 * With `only`, the pages hold that entity's rows alone (a device mending it, sync/digest.ts).
 */
export async function readSnapshotPageJson(
  sql: SqlDb,
  userId: string,
  after: { entity: Entity; id: string } | null,
  limit: number,
  only?: Entity,
): Promise<{ json: string; count: number; next: string | null }> {
  // The first page's count, beside the page on a connection of its own: it is for progress
  // ("1,200 of 40,000"), and a page need not wait for a count of the whole book.
  const counted = after || only ? null : sql.query<{ n: string }>(TOTAL_SQL, [userId]);
  counted?.catch(() => undefined);
  const page = await sql.transaction(async (tx) => {
    const cursor = await newestEventId(tx, userId);
    const rows: string[] = [];
    let bytes = 0;
    let next: string | null = null;
    const start = ENTITIES.indexOf(after?.entity ?? only ?? ENTITIES[0]);
    const end = only ? start + 1 : ENTITIES.length;
    for (let i = start; i < end && next === null; i++) {
      const entity = ENTITIES[i] as Entity;
      const from = after && i === start ? after.id : null;
      const want = limit - rows.length;
      // One more than wanted says whether the entity has more.
      const found = await tx.query<{ id: string; row: string | null }>(
        from ? PAGE_SQL[entity].keyed : PAGE_SQL[entity].first,
        [userId, from, want + 1, PAGE_BYTES - bytes],
      );
      let taken = 0;
      const head = `{"entity":"${entity}","row":`;
      for (const r of found) {
        if (taken === want || r.row === null) break;
        rows.push(`${head}${r.row}}`);
        bytes += r.row.length;
        taken++;
      }
      const done = taken === found.length && found.length <= want;
      if (done && rows.length < limit && bytes < PAGE_BYTES) continue;
      // The page is full: the next starts after its last row, or (none of this entity's
      // fitted) after the previous entity's end.
      const last = taken > 0 ? found[taken - 1]?.id : undefined;
      if (done && i === end - 1) break;
      // (With `only`, a page always holds a row of the entity: it starts with it.)
      next = last ? `${entity}:${last}` : `${ENTITIES[i - 1] ?? entity}:${PAST_ALL}`;
    }
    return { rows, cursor, next };
  });
  const total = counted ? `,"total":${Number((await counted)[0]?.n ?? 0)}` : '';
  const json = `{"rows":[${page.rows.join(',')}],"cursor":${page.cursor},"next":${JSON.stringify(page.next)}${total}}`;
  return { json, count: page.rows.length, next: page.next };
}

/** `readSnapshotPageJson`'s page, parsed: for the procedure and the server's own callers. */
export async function readSnapshotPage(
  sql: SqlDb,
  userId: string,
  after: { entity: Entity; id: string } | null,
  limit: number,
  only?: Entity,
): Promise<SnapshotOutput> {
  return JSON.parse((await readSnapshotPageJson(sql, userId, after, limit, only)).json) as SnapshotOutput;
}
