import { ENTITIES } from '@storesync/schema';
import { migrate } from '../local-schema.ts';
import { createSqlReads } from '../queries/sql-reads.ts';
import { createSerialQueue } from './serial.ts';
import { allIn } from './sql-batch.ts';
import { buildIndexes, deferIndexes } from './sql-bulk.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';
import { createSqlRowTx } from './sql-row-tx.ts';
import { type OutboxRecord, outboxFromRecord, STATE_COLUMNS } from './sql-rows.ts';
import type { OutboxPatch, OutboxQuery, Store, StoredSyncState, StoreTx } from './types.ts';

const OUTBOX_PATCH_COLUMNS: Record<keyof OutboxPatch, string> = {
  status: 'status',
  retryCount: 'retry_count',
  lastError: 'last_error',
};

function createSqlTx(db: SqlDriver): StoreTx {
  const first = async <T>(sql: string, params: SqlValue[]) => (await db.all<T>(sql, params))[0] ?? null;
  const update = async (table: string, set: [string, SqlValue][], where: string, params: SqlValue[]) => {
    if (set.length === 0) return;
    const sql = `UPDATE ${table} SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE ${where}`;
    await db.run(sql, [...set.map(([, v]) => v), ...params]);
  };

  return {
    reads: createSqlReads(db),
    ...createSqlRowTx(db),
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
      const sql = `SELECT * FROM outbox WHERE ${where.map(([c]) => `${c} = ?`).join(' AND ')}`;
      const params = where.map(([, v]) => v);
      const rs = q.entityIds
        ? (await allIn<OutboxRecord>(db, q.entityIds, (list) => `${sql} AND entity_id IN (${list})`, params))
            .sort((a, b) => a.id - b.id)
            .slice(0, q.limit)
        : await db.all<OutboxRecord>(
            `${sql} ORDER BY id ${q.limit === undefined ? '' : 'LIMIT ?'}`,
            q.limit === undefined ? params : [...params, q.limit],
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
    pruneSent: ({ madeBefore, keep }) =>
      db.run(
        `DELETE FROM outbox WHERE status = 'sent' AND (client_updated_at < ? OR id <= coalesce(
           (SELECT id FROM outbox WHERE status = 'sent' ORDER BY id DESC LIMIT 1 OFFSET ?), -1))`,
        [madeBefore, keep],
      ),
    async deleteOutbox(id, status) {
      const [r] = await db.all<OutboxRecord>('DELETE FROM outbox WHERE id = ? AND status = ? RETURNING *', [
        id,
        status,
      ]);
      return r ? outboxFromRecord(r) : null;
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
    deferIndexes: () => deferIndexes(db),
    buildIndexes: () => buildIndexes(db),
    async reset() {
      for (const table of [...ENTITIES, 'balances', 'server_rows', 'outbox'])
        await db.run(`DELETE FROM ${table}`);
      await db.run(
        'UPDATE sync_state SET user_id = NULL, last_server_event_id = 0, last_sync_at = NULL, caught_up_at = NULL WHERE id = 1',
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
  const store: Store = {
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
  // A bulk load cut short (the app killed mid first sync) left indexes set aside: made now.
  await store.transaction((t) => t.buildIndexes?.() ?? Promise.resolve());
  return store;
}
