import {
  DEFAULT_LINK_DAYS,
  isPastDue,
  LanguageSchema,
  linkExpiry,
  MoneySchema,
  newLinkToken,
  overdueDebts,
  REMINDER_CHANNELS,
  type ReminderChannel,
  SETTINGS_ID,
  UuidSchema,
  uuidV7,
} from '@storesync/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { AuthedContext } from '../dashboard/authed-context.ts';
import { notFound } from '../dashboard/live-rows.ts';
import { writeChange } from '../dashboard/write.ts';
import { protectedProcedure } from '../trpc.ts';
import { balanceOfCustomer } from './customers/balance.ts';

const CustomerInput = z.object({ customerId: UuidSchema });
const ReminderCreateInput = z.object({
  customerId: UuidSchema,
  channel: z.enum(REMINDER_CHANNELS),
  amount: MoneySchema,
  linkId: UuidSchema.nullable(),
});

/** A reminder as the dashboard's history shows it. */
export interface ReminderDto {
  id: string;
  channel: ReminderChannel;
  amount: number;
  linkId: string | null;
  sentAt: string;
}

/** What the dashboard composes a reminder from (`reminderText` of @storesync/i18n, in the browser). */
export interface ReminderFacts {
  customerId: string;
  name: string;
  phone: string | null;
  /** The customer's language, else the store's; null: the dashboard's own. */
  language: string | null;
  owed: number;
  /** The earliest due date of what is overdue and unpaid, else the next to come (`YYYY-MM-DD`). */
  dueDate: string | null;
  shopName: string | null;
  currency: string | null;
  country: string | null;
  templates: Record<string, string> | null;
  link: { id: string; token: string };
}

/** The customer's live link that lasts longest, or a new one (128 CSPRNG bits, the store's linkDays). */
async function liveLink(ctx: AuthedContext, customerId: string, linkDays: number) {
  const userId = ctx.auth.user.id;
  const live = await ctx.db.link.findFirst({
    where: { userId, customerId, deletedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, token: true },
    orderBy: [{ expiresAt: 'desc' }, { id: 'desc' }],
  });
  if (live) return live;
  const payload = { customerId, token: newLinkToken(), expiresAt: linkExpiry(new Date(), linkDays) };
  const row = await writeChange(ctx, { entity: 'links', entityId: uuidV7(), op: 'upsert', payload });
  return { id: row.id, token: String(row.token) };
}

function dueDateOf(debts: { id: string; amount: number; dueDate: string | null }[], payments: number) {
  const today = new Date().toISOString().slice(0, 10);
  const unpaid = overdueDebts(debts, payments, today).byDebt;
  const first = (keep: (d: (typeof debts)[number]) => boolean) =>
    debts
      .filter(keep)
      .map((d) => d.dueDate)
      .filter((d): d is string => !!d)
      .sort()[0] ?? null;
  return first((d) => unpaid.has(d.id)) ?? first((d) => !!d.dueDate && !isPastDue(d.dueDate, today));
}

/**
 * Reminders from the dashboard (issue 22 §2): `prepare` gathers what the message says (making
 * the customer's statement link when there is no live one), the browser composes it with the
 * same `reminderText` as the phone and opens WhatsApp or SMS, and `create` records it as a
 * synced row through the dashboard's one write path. All scoped to the caller's store.
 */
export const remindersRouter = {
  /** The store's country, for reading typed phone numbers (null: not set; the browser's region then). */
  country: protectedProcedure.query(async ({ ctx }) => {
    const row = await ctx.db.storeSetting.findFirst({
      where: { userId: ctx.auth.user.id, id: SETTINGS_ID, deletedAt: null },
      select: { country: true },
    });
    return { country: row?.country ?? null };
  }),

  list: protectedProcedure.input(CustomerInput).query(async ({ ctx, input }): Promise<ReminderDto[]> => {
    const rows = await ctx.db.reminder.findMany({
      where: { userId: ctx.auth.user.id, customerId: input.customerId, deletedAt: null },
      select: { id: true, channel: true, amount: true, linkId: true, sentAt: true },
      orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
      take: 200,
    });
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as ReminderChannel,
      amount: Number(r.amount),
      linkId: r.linkId,
      sentAt: r.sentAt.toISOString(),
    }));
  }),

  prepare: protectedProcedure
    .input(CustomerInput)
    .mutation(async ({ ctx, input }): Promise<ReminderFacts> => {
      const userId = ctx.auth.user.id;
      const customer = await ctx.db.customer.findFirst({
        where: { userId, id: input.customerId, deletedAt: null },
        select: { id: true, name: true, phone: true, language: true },
      });
      if (!customer) throw notFound('customers');
      const [settings, balance, debts] = await Promise.all([
        ctx.db.storeSetting.findFirst({
          where: { userId, id: SETTINGS_ID, deletedAt: null },
          select: {
            shopName: true,
            currency: true,
            country: true,
            language: true,
            linkDays: true,
            reminderTemplates: true,
          },
        }),
        balanceOfCustomer(ctx, customer.id),
        ctx.db.debt.findMany({
          where: { userId, customerId: customer.id, deletedAt: null, dueDate: { not: null } },
          select: { id: true, amount: true, dueDate: true },
        }),
      ]);
      const link = await liveLink(ctx, customer.id, Number(settings?.linkDays ?? DEFAULT_LINK_DAYS));
      const templates = z.record(LanguageSchema, z.string()).safeParse(settings?.reminderTemplates);
      return {
        customerId: customer.id,
        name: customer.name,
        phone: customer.phone,
        language: customer.language ?? settings?.language ?? null,
        owed: balance.owed,
        dueDate: dueDateOf(
          debts.map((d) => ({
            id: d.id,
            amount: Number(d.amount),
            dueDate: d.dueDate ? d.dueDate.toISOString().slice(0, 10) : null,
          })),
          balance.payments,
        ),
        shopName: settings?.shopName ?? null,
        currency: settings?.currency ?? null,
        country: settings?.country ?? null,
        templates: templates.success ? templates.data : null,
        link,
      };
    }),

  create: protectedProcedure.input(ReminderCreateInput).mutation(async ({ ctx, input }) => {
    const payload = { ...input, sentAt: new Date().toISOString() };
    return writeChange(ctx, { entity: 'reminders', entityId: uuidV7(), op: 'upsert', payload });
  }),
} satisfies TRPCRouterRecord;
