import { EntityFieldSchemas, SETTINGS_ID } from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { writeChange } from '../dashboard/write.ts';
import { protectedProcedure } from '../trpc.ts';

/** The store's settings as the dashboard shows them; null fields are not chosen yet. */
export interface StoreSettingsDto {
  currency: string | null;
  shopName: string | null;
}

const SettingsUpdateInputSchema = EntityFieldSchemas.settings
  .partial()
  .refine((input) => Object.values(input).some((v) => v !== undefined), 'input: nothing to change');

/**
 * The store's settings (currency, shop name): the synced `settings` row at
 * SETTINGS_ID, read from the caller's store and written through the sync path
 * as the web session's device, so every phone pulls the change.
 */
export const settingsRouter = {
  get: protectedProcedure.query(async ({ ctx }): Promise<StoreSettingsDto> => {
    const row = await ctx.db.storeSetting.findFirst({
      where: { userId: ctx.auth.user.id, id: SETTINGS_ID, deletedAt: null },
      select: { currency: true, shopName: true },
    });
    return { currency: row?.currency ?? null, shopName: row?.shopName ?? null };
  }),

  /** Sets only the given fields: another device's edit of the other field keeps its clock. */
  update: protectedProcedure.input(SettingsUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const payload = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    // No `updatedFields`: that would require the row to exist, and the first setting creates it.
    const row = await writeChange(ctx, { entity: 'settings', entityId: SETTINGS_ID, op: 'upsert', payload });
    return { currency: row.currency ?? null, shopName: row.shopName ?? null } as StoreSettingsDto;
  }),
} satisfies TRPCRouterRecord;
