import { EntityPatchSchemas, SETTINGS_ID } from '@storesync/schema';
import { commitChange, type RepositoryContext } from './commit.ts';
import type { UpdateInput } from './repositories.ts';
import type { Row } from './rows.ts';

/**
 * The store's settings (currency, shop name): one synced row per store, at the
 * well-known id `SETTINGS_ID`, so every device reads and writes the same row
 * without asking the server first. Fields merge last-write-wins like any row.
 */
export interface SettingsRepository {
  /** The store's settings, or null while no device has set any (nor pulled them yet). */
  get(): Promise<Row<'settings'> | null>;
  /** Sets only the given fields (creating the row if needed); other fields keep their value. */
  set(patch: UpdateInput<'settings'>): Promise<Row<'settings'>>;
}

export function createSettingsRepository(ctx: RepositoryContext): SettingsRepository {
  const get = async () => {
    const row = await ctx.store.transaction((tx) => tx.getRow('settings', SETTINGS_ID));
    return row && row.deletedAt === null ? (row as Row<'settings'>) : null;
  };
  return {
    get,
    async set(patch) {
      const parsed = EntityPatchSchemas.settings.parse(patch) as Record<string, unknown>;
      const values = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
      if (Object.keys(values).length > 0)
        await commitChange(ctx, 'settings', SETTINGS_ID, 'upsert', values, false);
      const row = await get();
      if (!row) throw new Error('Setting the store settings left no row');
      return row;
    },
  };
}
