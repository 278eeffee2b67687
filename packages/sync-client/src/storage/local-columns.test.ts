import { ENTITIES, type Entity, type FieldKind, fieldKind, requiredFieldNames } from '@storesync/schema';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../local-schema.ts';
import { columnsOf } from './sql-rows.ts';
import { betterSqliteDriver } from './sqlite.ts';

// The local tables come from the frozen migrations of local-schema.ts; the
// entities' fields from @storesync/schema. This ties them on a fresh book, so a
// field added to the entity but not to a local migration fails here.

/** How SQLite holds each kind: money and counts as integers, the rest as text (JSON as its text). */
const sqliteType = (kind: FieldKind) => (kind === 'money' || kind === 'count' ? 'INTEGER' : 'TEXT');

/** Columns every local entity table has beside its fields: [type, NOT NULL]. */
const COMMON: Record<string, [string, boolean]> = {
  id: ['TEXT', true],
  created_at: ['TEXT', true],
  updated_at: ['TEXT', true],
  deleted_at: ['TEXT', false],
  updated_by_device_id: ['TEXT', false],
  row_version: ['INTEGER', true],
};

function expected(entity: Entity): Record<string, [string, boolean]> {
  const out = { ...COMMON };
  for (const c of columnsOf(entity).filter((col) => !(col.name in COMMON))) {
    // A local-only column (a name's sort key) is text the client works out.
    if (c.derive) {
      out[c.name] = ['TEXT', false];
      continue;
    }
    const kind = fieldKind(entity, c.key);
    out[c.name] = [kind ? sqliteType(kind) : 'no kind', requiredFieldNames(entity).includes(c.key)];
  }
  return out;
}

describe('the local tables agree with the entity definitions', () => {
  it.each(ENTITIES)('%s: every column, its type and whether it may be null', async (entity) => {
    const driver = betterSqliteDriver(new Database(':memory:'));
    await migrate(driver);
    const info = await driver.all<{ name: string; type: string; notnull: number }>(
      `PRAGMA table_info(${entity})`,
    );
    const actual = Object.fromEntries(info.map((c) => [c.name, [c.type, c.notnull === 1]]));
    expect(actual).toEqual(expected(entity));
  });

  it('stores JSON fields as JSON text: the kind table decides', () => {
    expect(
      columnsOf('sales')
        .filter((c) => c.json)
        .map((c) => c.key),
    ).toEqual(['items']);
    expect(
      columnsOf('settings')
        .filter((c) => c.json)
        .map((c) => c.key),
    ).toEqual(['reminderTemplates']);
    expect(columnsOf('customers').some((c) => c.json)).toBe(false);
  });
});
