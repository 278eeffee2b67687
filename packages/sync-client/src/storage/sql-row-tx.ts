import type { Entity, EntityRow } from '@storesync/schema';
import { allIn, runIn, runMany, runRows } from './sql-batch.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';
import { columnsOf, putRowParams, rowFromRecord } from './sql-rows.ts';
import type { StoreTx } from './types.ts';

type RowOps =
  | 'getRow'
  | 'listRows'
  | 'liveVersions'
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

  /**
   * Writes rows by id, many per statement; `where` guards the update of a row already held.
   * Upserts, not INSERT OR REPLACE: a replace deletes without firing the balance triggers.
   */
  const upsert = (entity: Entity, rows: readonly EntityRow[], where: string) => {
    const set = columnsOf(entity)
      .filter((c) => c.name !== 'id')
      .map((c) => `${c.name} = excluded.${c.name}`)
      .join(', ');
    return runRows(
      db,
      (values) =>
        `INSERT INTO ${entity} (${names(entity)}) VALUES ${values} ON CONFLICT (id) DO UPDATE SET ${set} ${where}`,
      columnsOf(entity).length,
      rows,
      (row, params) => putRowParams(entity, row, params),
    );
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
    liveVersions: (entity) =>
      db.all<{ id: string; rowVersion: number }>(
        `SELECT id, row_version AS "rowVersion" FROM ${entity} WHERE deleted_at IS NULL`,
      ),
    putRows: (entity, rows) => upsert(entity, rows, ''),
    putRowsIfNewer: (entity, rows) =>
      upsert(entity, rows, `WHERE excluded.row_version > ${entity}.row_version`),
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
