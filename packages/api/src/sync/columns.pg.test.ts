import { createTestDatabase, type TestDb } from '@storesync/db/testing';
import {
  ENTITIES,
  type Entity,
  entityFieldNames,
  type FieldKind,
  fieldKind,
  requiredFieldNames,
} from '@storesync/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, tableOf } from './tables.ts';

// The server's tables come from schema.prisma through its migrations; the
// entities' fields from @storesync/schema. Nothing else ties them: this does,
// on a freshly migrated database, so a field added to one and not the other
// (or with another type) fails here rather than on a device.

const PG_TYPE: Record<string, string> = {
  text: 'text',
  money: 'bigint',
  count: 'bigint',
  timestamp: 'timestamp with time zone',
  date: 'date',
  json: 'jsonb',
  ref: 'uuid',
};
const pgType = (kind: FieldKind) => PG_TYPE[kind.startsWith('ref:') ? 'ref' : kind] ?? 'unknown kind';

/** Columns every entity table has, beside its fields: [type, nullable]. */
const COMMON: Record<string, [string, boolean]> = {
  user_id: ['uuid', false],
  id: ['uuid', false],
  created_at: ['timestamp with time zone', false],
  updated_at: ['timestamp with time zone', false],
  deleted_at: ['timestamp with time zone', true],
  updated_by_device_id: ['text', true],
  row_version: ['bigint', false],
  clocks: ['jsonb', false],
  deleted_clock: ['jsonb', true],
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** What the entity definitions say the table holds: column → [type, nullable]. */
function expected(entity: Entity): Record<string, [string, boolean]> {
  const out = { ...COMMON };
  for (const field of entityFieldNames(entity)) {
    const kind = fieldKind(entity, field);
    out[snake(field)] = [kind ? pgType(kind) : 'no kind', !requiredFieldNames(entity).includes(field)];
  }
  return out;
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
}, 60_000);
afterAll(() => t.drop());

describe('the server tables agree with the entity definitions', () => {
  it.each(ENTITIES)('%s: every column, its type and whether it may be null', async (entity) => {
    const rows = await t.db.sql.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1`,
      [tableOf(entity)],
    );
    const actual = Object.fromEntries(
      rows.map((r) => [r.column_name, [r.data_type, r.is_nullable === 'YES'] as [string, boolean]]),
    );
    expect(actual).toEqual(expected(entity));
    // The server writes exactly the table's columns.
    expect([...columnsOf(entity)].sort()).toEqual(Object.keys(actual).sort());
  });
});
