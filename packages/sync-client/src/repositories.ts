import {
  type Entity,
  EntityFieldSchemas,
  type EntityFields,
  type EntityRow,
  entityFieldNames,
  type Op,
} from '@storesync/schema';
import { commitChange, type RepositoryContext, RowNotFoundError } from './commit.ts';
import type { Row } from './rows.ts';
import { createSettingsRepository } from './settings.ts';

type Fields<E extends Entity> = EntityFields[E];
/** Required fields must be given; nullable ones may be left out and start as null. */
export type CreateInput<E extends Entity> = {
  [K in keyof Fields<E> as null extends Fields<E>[K] ? never : K]: Fields<E>[K];
} & { [K in keyof Fields<E> as null extends Fields<E>[K] ? K : never]?: Fields<E>[K] };
export type UpdateInput<E extends Entity> = Partial<Fields<E>>;

export interface Repository<E extends Entity> {
  /** Creates a row with a new UUID; validated by the shared entity schema. */
  create(input: CreateInput<E>): Promise<Row<E>>;
  /** Changes only the given fields, so another device's edits of other fields survive. */
  update(id: string, patch: UpdateInput<E>): Promise<Row<E>>;
  /** Tombstones the row. */
  delete(id: string): Promise<void>;
  /**
   * Brings a deleted row back, as it was: an upsert newer than its tombstone
   * (the merge rules revive it on every device). Throws `RowNotFoundError`
   * for a row that is unknown or not deleted.
   */
  restore(id: string): Promise<Row<E>>;
  /** The row, or null when unknown or deleted. */
  get(id: string): Promise<Row<E> | null>;
  /** Rows by creation time; tombstones only when asked for. */
  list(options?: { includeDeleted?: boolean }): Promise<Row<E>[]>;
}

/** Fields a new row takes when the caller leaves them out: a debt is taken on now (debtDate). */
const createDefaults = (entity: Entity): Record<string, unknown> =>
  entity === 'debts' ? { recordedAt: new Date().toISOString() } : {};

/** The field a restore sets again to what it holds (any field would do; this one every row has). */
const RESTORE_FIELD: Partial<Record<Entity, string>> = {
  customers: 'name',
  links: 'token',
  reminders: 'channel',
};

/** The local row as the entity's typed row: its fields were validated when written. */
const typed = <E extends Entity>(row: EntityRow) => row as Row<E>;

/** The repository of one entity on the local book. */
export function createRepository<E extends Entity>(entity: E, ctx: RepositoryContext): Repository<E> {
  const schema = EntityFieldSchemas[entity];
  const patchSchema = schema.partial();
  const nulls = Object.fromEntries(entityFieldNames(entity).map((f) => [f, null]));

  const commit = (id: string, op: Op, values: Record<string, unknown> | null, existing: boolean) =>
    commitChange(ctx, entity, id, op, values, existing);
  const get = async (id: string) => {
    const row = await ctx.store.transaction((tx) => tx.getRow(entity, id));
    return row && row.deletedAt === null ? typed<E>(row) : null;
  };

  return {
    async create(input) {
      const values = schema.parse({ ...nulls, ...createDefaults(entity), ...input }) as Record<
        string,
        unknown
      >;
      const row = await commit(ctx.newId(), 'upsert', values, false);
      if (!row) throw new Error(`Creating a ${entity} row left no row`);
      return typed<E>(row);
    },
    async update(id, patch) {
      const parsed = patchSchema.parse(patch) as Record<string, unknown>;
      const values = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
      const row = Object.keys(values).length > 0 ? await commit(id, 'upsert', values, true) : await get(id);
      if (!row) throw new RowNotFoundError(entity, id);
      return typed<E>(row);
    },
    async delete(id) {
      await commit(id, 'delete', null, true);
    },
    async restore(id) {
      const held = await ctx.store.transaction((tx) => tx.getRow(entity, id));
      if (!held || held.deletedAt === null) throw new RowNotFoundError(entity, id);
      // One field set again to what it holds is enough: every other field keeps its clock.
      const field = RESTORE_FIELD[entity] ?? 'note';
      const row = await commit(id, 'upsert', { [field]: held[field] ?? null }, false);
      if (!row || row.deletedAt !== null) throw new RowNotFoundError(entity, id);
      return typed<E>(row);
    },
    get,
    async list(options = {}) {
      const rows = await ctx.store.transaction((tx) => tx.listRows(entity));
      return rows.filter((r) => options.includeDeleted || r.deletedAt === null).map((r) => typed<E>(r));
    },
  };
}

/** The typed repositories of the store's book, and its settings. */
export const createRepositories = (ctx: RepositoryContext) => ({
  customers: createRepository('customers', ctx),
  debts: createRepository('debts', ctx),
  payments: createRepository('payments', ctx),
  sales: createRepository('sales', ctx),
  links: createRepository('links', ctx),
  reminders: createRepository('reminders', ctx),
  settings: createSettingsRepository(ctx),
});

export { type RepositoryContext, RowNotFoundError };
