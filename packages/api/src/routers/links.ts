import {
  DEFAULT_LINK_DAYS,
  IdInputSchema,
  linkExpiry,
  newLinkToken,
  SETTINGS_ID,
  UuidSchema,
  uuidV7,
} from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { requireLive } from '../dashboard/live-rows.ts';
import { writeChange } from '../dashboard/write.ts';
import { protectedProcedure } from '../trpc.ts';

const CustomerInput = z.object({ customerId: UuidSchema });

/** A statement link as the dashboard shows it. */
export interface LinkDto {
  id: string;
  token: string;
  expiresAt: string;
  lastOpenedAt: string | null;
  createdAt: string;
}

/**
 * A customer's statement links (issue 22 §1): the live ones listed, a new one made (128 bits
 * from the CSPRNG, living the store's `linkDays`), one revoked by deleting its row — writes
 * through the same sync path as every dashboard write, so the phones pull them.
 */
export const linksRouter = {
  list: protectedProcedure.input(CustomerInput).query(async ({ ctx, input }): Promise<LinkDto[]> => {
    const rows = await ctx.db.link.findMany({
      where: {
        userId: ctx.auth.user.id,
        customerId: input.customerId,
        deletedAt: null,
        expiresAt: { gt: new Date() },
      },
      select: { id: true, token: true, expiresAt: true, lastOpenedAt: true, createdAt: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({
      id: r.id,
      token: r.token,
      expiresAt: r.expiresAt.toISOString(),
      lastOpenedAt: r.lastOpenedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    }));
  }),

  create: protectedProcedure.input(CustomerInput).mutation(async ({ ctx, input }) => {
    await requireLive(ctx, 'customers', input.customerId);
    const settings = await ctx.db.storeSetting.findFirst({
      where: { userId: ctx.auth.user.id, id: SETTINGS_ID, deletedAt: null },
      select: { linkDays: true },
    });
    const days = Number(settings?.linkDays ?? DEFAULT_LINK_DAYS);
    const payload = {
      customerId: input.customerId,
      token: newLinkToken(),
      expiresAt: linkExpiry(new Date(), days),
    };
    return writeChange(ctx, { entity: 'links', entityId: uuidV7(), op: 'upsert', payload });
  }),

  revoke: protectedProcedure.input(IdInputSchema).mutation(async ({ ctx, input }) => {
    return writeChange(ctx, { entity: 'links', entityId: input.id, op: 'delete' });
  }),
} satisfies TRPCRouterRecord;
