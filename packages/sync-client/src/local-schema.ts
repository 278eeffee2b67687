import { nameSortKey } from '@storesync/schema';
import { BALANCE_STATEMENTS } from './storage/sql-balances.ts';
import type { SqlDriver } from './storage/sql-driver.ts';

/** One step of the local schema; applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  statements: string[];
  /** Fills what SQL alone cannot work out, after the statements, in the same transaction. */
  fill?: (driver: SqlDriver) => Promise<void>;
}

const COMMON_COLUMNS = `created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  updated_by_device_id TEXT,
  row_version INTEGER NOT NULL`;

/**
 * The local database's schema, as the seed lays it out: the entity tables,
 * `sync_state` (one row) and `outbox`, plus `server_rows`, the server's row
 * that a row's local changes are replayed on (see storage/types.ts).
 * Published migrations are never edited: a change is a new version.
 */
export const LOCAL_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        user_id TEXT,
        device_id TEXT,
        last_server_event_id INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT,
        clock TEXT
      )`,
      'INSERT INTO sync_state (id) VALUES (1)',
      `CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        payload_json TEXT,
        updated_fields TEXT,
        client_updated_at TEXT NOT NULL,
        event_uuid TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'error')),
        retry_count INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      )`,
      'CREATE INDEX outbox_status_idx ON outbox (status, id)',
      'CREATE INDEX outbox_row_idx ON outbox (entity, entity_id, status, id)',
      `CREATE TABLE server_rows (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        row_json TEXT NOT NULL,
        PRIMARY KEY (entity, id)
      )`,
      `CREATE TABLE customers (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        phone TEXT,
        note TEXT,
        ${COMMON_COLUMNS}
      )`,
      `CREATE TABLE debts (
        id TEXT PRIMARY KEY NOT NULL,
        customer_id TEXT NOT NULL,
        amount INTEGER NOT NULL,
        note TEXT,
        due_date TEXT,
        ${COMMON_COLUMNS}
      )`,
      'CREATE INDEX debts_customer_idx ON debts (customer_id)',
      `CREATE TABLE payments (
        id TEXT PRIMARY KEY NOT NULL,
        customer_id TEXT NOT NULL,
        debt_id TEXT,
        amount INTEGER NOT NULL,
        paid_at TEXT NOT NULL,
        note TEXT,
        ${COMMON_COLUMNS}
      )`,
      'CREATE INDEX payments_customer_idx ON payments (customer_id)',
      `CREATE TABLE sales (
        id TEXT PRIMARY KEY NOT NULL,
        customer_id TEXT,
        items TEXT NOT NULL,
        total INTEGER NOT NULL,
        paid_amount INTEGER NOT NULL,
        sold_at TEXT NOT NULL,
        note TEXT,
        ${COMMON_COLUMNS}
      )`,
    ],
  },
  {
    // Server rows are now kept only for rows with local changes, and a row
    // without one reads as the server's own. Version 1 kept every row the
    // server sent and had no entry for rows the server lacks: recording those
    // as "the server has none" keeps every row's meaning, and rows let go of
    // their entry the next time they are settled.
    // Rows with pending changes but nothing visible (a delete of a row made
    // here) need the entry as well.
    version: 2,
    statements: [
      ...['customers', 'debts', 'payments', 'sales'].map(
        (t) => `INSERT OR IGNORE INTO server_rows (entity, id, row_json) SELECT '${t}', id, 'null' FROM ${t}`,
      ),
      `INSERT OR IGNORE INTO server_rows (entity, id, row_json)
       SELECT DISTINCT entity, entity_id, 'null' FROM outbox WHERE status = 'pending'`,
    ],
  },
  {
    // The store's settings (docs/protocol.md): one row, at SETTINGS_ID.
    version: 3,
    statements: [
      `CREATE TABLE settings (
        id TEXT PRIMARY KEY NOT NULL,
        currency TEXT,
        shop_name TEXT,
        ${COMMON_COLUMNS}
      )`,
    ],
  },
  {
    // A phone's screens query what they show (queries/sql-reads.ts): each
    // customer's sums kept by triggers in the same transaction as the rows,
    // and the indexes those queries walk. Repayments gain their kind.
    version: 4,
    statements: [
      'ALTER TABLE payments ADD COLUMN kind TEXT',
      // A device that synced before this version holds the whole book.
      'ALTER TABLE sync_state ADD COLUMN caught_up_at TEXT',
      'UPDATE sync_state SET caught_up_at = last_sync_at',
      ...BALANCE_STATEMENTS,
      'CREATE INDEX sales_customer_idx ON sales (customer_id)',
      'CREATE INDEX sales_sold_at_idx ON sales (sold_at)',
      'CREATE INDEX payments_paid_at_idx ON payments (paid_at)',
      'CREATE INDEX debts_created_idx ON debts (created_at)',
      'CREATE INDEX debts_due_idx ON debts (due_date) WHERE due_date IS NOT NULL',
      'CREATE INDEX customers_name_idx ON customers (name COLLATE NOCASE, id)',
      'CREATE INDEX customers_deleted_idx ON customers (deleted_at) WHERE deleted_at IS NOT NULL',
    ],
  },
  {
    // Getting paid and speaking the customer's language: statement links and
    // reminders sent, each customer's language, the store's country, language
    // and reminder settings, and the date a debt was taken on (debtDate).
    version: 5,
    statements: [
      'ALTER TABLE customers ADD COLUMN language TEXT',
      'ALTER TABLE debts ADD COLUMN recorded_at TEXT',
      'CREATE INDEX debts_recorded_idx ON debts (COALESCE(recorded_at, created_at))',
      ...['country', 'language', 'reminder_templates'].map(
        (c) => `ALTER TABLE settings ADD COLUMN ${c} TEXT`,
      ),
      ...['link_days', 'remind_days'].map((c) => `ALTER TABLE settings ADD COLUMN ${c} INTEGER`),
      `CREATE TABLE links (
        id TEXT PRIMARY KEY NOT NULL,
        customer_id TEXT NOT NULL,
        token TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        last_opened_at TEXT,
        ${COMMON_COLUMNS}
      )`,
      'CREATE INDEX links_customer_idx ON links (customer_id)',
      `CREATE TABLE reminders (
        id TEXT PRIMARY KEY NOT NULL,
        customer_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        amount INTEGER NOT NULL,
        link_id TEXT,
        sent_at TEXT NOT NULL,
        ${COMMON_COLUMNS}
      )`,
      'CREATE INDEX reminders_customer_idx ON reminders (customer_id, sent_at)',
      // Names sorted and searched as people read them (sql-rows.ts' derived column).
      'ALTER TABLE customers ADD COLUMN name_key TEXT',
      'CREATE INDEX customers_name_key_idx ON customers (name_key, name, id)',
    ],
    async fill(driver) {
      const held = await driver.all<{ id: string; name: string }>('SELECT id, name FROM customers');
      for (const c of held)
        await driver.run('UPDATE customers SET name_key = ? WHERE id = ?', [nameSortKey(c.name), c.id]);
    },
  },
  {
    // A first sync's bulk load (storage/sql-bulk.ts): the indexes it set aside, recorded with
    // the drop so a crash loses none. And names sort and search by name_key alone: the index
    // by NOCASE name (version 4) served no query, and cost a first sync a third of its time.
    version: 6,
    statements: [
      'CREATE TABLE deferred_indexes (name TEXT PRIMARY KEY NOT NULL, sql TEXT NOT NULL)',
      'DROP INDEX IF EXISTS customers_name_idx',
    ],
  },
];

/**
 * Brings the database to the newest schema version (SQLite's `user_version`).
 * A database written by a newer app version is refused rather than misread.
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = LOCAL_MIGRATIONS) {
  const [row] = await driver.all<{ user_version: number }>('PRAGMA user_version');
  const current = row?.user_version ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`The local database has schema version ${current}; this app knows up to ${latest}`);
  }
  for (const m of migrations.filter((x) => x.version > current)) {
    await driver.run('BEGIN IMMEDIATE');
    try {
      for (const sql of m.statements) await driver.run(sql);
      await m.fill?.(driver);
      await driver.run(`PRAGMA user_version = ${m.version}`);
      await driver.run('COMMIT');
    } catch (error) {
      await driver.run('ROLLBACK');
      throw error;
    }
  }
  return latest;
}
