import type { Entity, EntityRow } from '@storesync/schema';
import { migrate } from '../local-schema.ts';
import { createSerialQueue } from './serial.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';
import {
  columnsOf,
  type OutboxRecord,
  outboxFromRecord,
  rowFromRecord,
  rowToParams,
  STATE_COLUMNS,
} from './sql-rows.ts';
import type { OutboxPatch, OutboxQuery, Store, StoredSyncState, StoreTx } from './types.ts';

const OUTBOX_PATCH_COLUMNS: Record<keyof OutboxPatch, string> = {
  status: 'status',
  retryCount: 'retry_count',
  lastError: 'last_error',
};

function createSqlTx(db: SqlDriver): StoreTx {
  const first = async <T>(sql: string, params: SqlValue[]) => (await db.all<T>(sql, params))[0] ?? null;
  const serverRow = async (entity: Entity, id: string) => {
    const r = await first<{ row_json: string }>(
      'SELECT row_json FROM server_rows WHERE entity = ? AND id = ?',
      [entity, id],
    );
    return r && (JSON.parse(r.row_json) as EntityRow);
  };
  const update = async (table: string, set: [string, SqlValue][], where: string, params: SqlValue[]) => {
    if (set.length === 0) return;
    const sql = `UPDATE ${table} SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE ${where}`;
    await db.run(sql, [...set.map(([, v]) => v), ...params]);
  };

  return {
    async getRow(entity, id) {
      const r = await first<Record<string, SqlValue>>(`SELECT * FROM ${entity} WHERE id = ?`, [id]);
      return r && rowFromRecord(entity, r);
    },
    async listRows(entity) {
      const rs = await db.all<Record<string, SqlValue>>(`SELECT * FROM ${entity} ORDER BY created_at, id`);
      return rs.map((r) => rowFromRecord(entity, r));
    },
    async putRow(entity, row) {
      const cols = columnsOf(entity);
      await db.run(
        `INSERT OR REPLACE INTO ${entity} (${cols.map((c) => c.name).join(', ')})
         VALUES (${cols.map(() => '?').join(', ')})`,
        rowToParams(entity, row),
      );
    },
    deleteRow: (entity, id) => db.run(`DELETE FROM ${entity} WHERE id = ?`, [id]),
    getServerRow: serverRow,
    putServerRow: (entity, row) =>
      db.run('INSERT OR REPLACE INTO server_rows (entity, id, row_json) VALUES (?, ?, ?)', [
        entity,
        row.id,
        JSON.stringify(row),
      ]),
    async addOutbox(item) {
      const rows = await db.all<OutboxRecord>(
        `INSERT INTO outbox (user_id, device_id, entity, entity_id, op, payload_json, updated_fields,
           client_updated_at, event_uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [
          item.userId,
          item.deviceId,
          item.entity,
          item.entityId,
          item.op,
          item.payload && JSON.stringify(item.payload),
          item.updatedFields && JSON.stringify(item.updatedFields),
          item.clientUpdatedAt,
          item.eventUuid,
        ],
      );
      const [r] = rows;
      if (!r) throw new Error('outbox insert returned no row');
      return outboxFromRecord(r);
    },
    async listOutbox(q: OutboxQuery) {
      const where: [string, SqlValue][] = [['status', q.status]];
      if (q.entity) where.push(['entity', q.entity]);
      if (q.entityId) where.push(['entity_id', q.entityId]);
      const rs = await db.all<OutboxRecord>(
        `SELECT * FROM outbox WHERE ${where.map(([c]) => `${c} = ?`).join(' AND ')} ORDER BY id
         ${q.limit === undefined ? '' : 'LIMIT ?'}`,
        [...where.map(([, v]) => v), ...(q.limit === undefined ? [] : [q.limit])],
      );
      return rs.map(outboxFromRecord);
    },
    updateOutbox: (id, patch) =>
      update(
        'outbox',
        Object.entries(patch).map(([k, v]) => [OUTBOX_PATCH_COLUMNS[k as keyof OutboxPatch], v]),
        'id = ?',
        [id],
      ),
    async countOutbox(status) {
      const r = await first<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE status = ?', [status]);
      return r?.n ?? 0;
    },
    async getState() {
      const r = await first<Record<string, SqlValue>>('SELECT * FROM sync_state WHERE id = 1', []);
      const entries = Object.entries(STATE_COLUMNS).map(([key, col]) => [key, r?.[col] ?? null]);
      const state = Object.fromEntries(entries) as unknown as StoredSyncState;
      return { ...state, lastServerEventId: state.lastServerEventId ?? 0 };
    },
    setState: (patch) =>
      update(
        'sync_state',
        Object.entries(patch).map(([k, v]) => [STATE_COLUMNS[k as keyof StoredSyncState], v]),
        'id = 1',
        [],
      ),
    async reset() {
      for (const table of ['customers', 'debts', 'payments', 'sales', 'server_rows', 'outbox'])
        await db.run(`DELETE FROM ${table}`);
      await db.run(
        'UPDATE sync_state SET user_id = NULL, last_server_event_id = 0, last_sync_at = NULL WHERE id = 1',
      );
    },
  };
}

/**
 * The local database on any SQLite binding: migrates the schema on open, then
 * runs each transaction as BEGIN IMMEDIATE … COMMIT, one at a time.
 */
export async function createSqlStore(driver: SqlDriver): Promise<Store> {
  await migrate(driver);
  const serial = createSerialQueue();
  const tx = createSqlTx(driver);
  return {
    transaction: (fn) =>
      serial(async () => {
        await driver.run('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          await driver.run('COMMIT');
          return result;
        } catch (error) {
          await driver.run('ROLLBACK');
          throw error;
        }
      }),
    close: () => serial(() => driver.close()),
  };
}
