import type { Entity, EntityRow } from '@storesync/schema';
import { allIn, runIn, runMany, tuple } from './sql-batch.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';
import { columnsOf, rowFromRecord, rowToParams } from './sql-rows.ts';
import type { StoreTx } from './types.ts';

type RowOps =
  | 'getRow'
  | 'listRows'
  | 'putRows'
  | 'putRowsIfNewer'
  | 'deleteRows'
  | 'getServerRows'
  | 'putServerRows'
  | 'deleteServerRows';

/** The visible rows and the kept server rows, on SQL: one prepared statement per batch of rows. */
export function createSqlRowTx(db: SqlDriver): Pick<StoreTx, RowOps> {
  const names = (entity: Entity) =>
    columnsOf(entity)
      .map((c) => c.name)
      .join(', ');

  /** Writes a row by id; `where` guards the update of a row already held. */
  const upsert = (entity: Entity, where: string) => {
    const set = columnsOf(entity)
      .filter((c) => c.name !== 'id')
      .map((c) => `${c.name} = excluded.${c.name}`)
      .join(', ');
    return `INSERT INTO ${entity} (${names(entity)}) VALUES ${tuple(columnsOf(entity).length)}
      ON CONFLICT (id) DO UPDATE SET ${set} ${where}`;
  };

  return {
    async getRow(entity, id) {
      const [r] = await db.all<Record<string, SqlValue>>(`SELECT * FROM ${entity} WHERE id = ?`, [id]);
      return r ? rowFromRecord(entity, r) : null;
    },
    async listRows(entity) {
      const rs = await db.all<Record<string, SqlValue>>(`SELECT * FROM ${entity} ORDER BY created_at, id`);
      return rs.map((r) => rowFromRecord(entity, r));
    },
    // Upserts, not INSERT OR REPLACE: a replace deletes without firing the balance triggers.
    putRows: (entity, rows) =>
      runMany(
        db,
        upsert(entity, ''),
        rows.map((row) => rowToParams(entity, row)),
      ),
    putRowsIfNewer: (entity, rows) =>
      runMany(
        db,
        upsert(entity, `WHERE excluded.row_version > ${entity}.row_version`),
        rows.map((row) => rowToParams(entity, row)),
      ),
    deleteRows: (entity, ids) => runIn(db, ids, (list) => `DELETE FROM ${entity} WHERE id IN (${list})`),
    async getServerRows(entity, ids) {
      // Most pages hold no row with local changes (a first sync none): one probe instead of an IN list per 512 ids.
      if (ids.length === 0) return new Map();
      const [any] = await db.all('SELECT 1 FROM server_rows WHERE entity = ? LIMIT 1', [entity]);
      if (!any) return new Map();
      const rs = await allIn<{ id: string; row_json: string }>(
        db,
        ids,
        (list) => `SELECT id, row_json FROM server_rows WHERE entity = ? AND id IN (${list})`,
        [entity],
      );
      return new Map(rs.map((r) => [r.id, JSON.parse(r.row_json) as EntityRow | null]));
    },
    putServerRows: (entity, rows) =>
      runMany(
        db,
        'INSERT OR REPLACE INTO server_rows (entity, id, row_json) VALUES (?, ?, ?)',
        [...rows].map(([id, row]) => [entity, id, JSON.stringify(row)]),
      ),
    deleteServerRows: (entity, ids) =>
      runIn(db, ids, (list) => `DELETE FROM server_rows WHERE entity = ? AND id IN (${list})`, [entity]),
  };
}
