import { type Locale, matchLocale, reminderText } from '@storesync/i18n';
import {
  DEFAULT_LINK_DAYS,
  formatMoney,
  linkExpiry,
  newLinkToken,
  overdueDebts,
  phoneE164,
} from '@storesync/schema';
import type { Row, SyncClient } from '@storesync/sync-client';
import * as Crypto from 'expo-crypto';
import { phoneDay } from '../book/day';
import { SERVER_URL } from '../config';

export interface Reminder {
  customer: Row<'customers'>;
  /** What is owed now, minor units: the reminder row's amount. */
  amount: number;
  text: string;
  /** The number WhatsApp and SMS open; null when the stored number cannot be read as one. */
  e164: string | null;
  linkId: string;
}

export interface ComposeContext {
  /** This app's language: a customer's when neither they nor the store have one. */
  appLocale: Locale;
  /** Until the store sets them: this phone's suggested currency and its region. */
  currency: string;
  country: string | null;
  now?: Date;
}

/** The language a customer reads: theirs, else the store's, else this app's. */
export const customerLocale = (customer: Row<'customers'>, store: string | null, app: Locale): Locale =>
  matchLocale([customer.language, store, app].filter((l): l is string => !!l));

/** The due date a reminder names: the earliest of the debts overdue and unpaid, else the next one to come. */
function dueDateOf(debts: Row<'debts'>[], payments: number, today: string): string | null {
  const unpaid = overdueDebts(debts, payments, today).byDebt;
  const dates = (keep: (d: Row<'debts'>) => boolean) =>
    debts
      .filter(keep)
      .map((d) => d.dueDate)
      .filter((d): d is string => !!d)
      .sort()[0] ?? null;
  return dates((d) => unpaid.has(d.id)) ?? dates((d) => !!d.dueDate && d.dueDate >= today);
}

/**
 * Everything a reminder needs, offline: the customer's live statement link (made now, with a
 * token from this phone's CSPRNG, when there is none), and the message in their language.
 */
export async function composeReminder(
  book: SyncClient,
  customerId: string,
  ctx: ComposeContext,
): Promise<Reminder> {
  const now = ctx.now ?? new Date();
  const customer = await book.customers.get(customerId);
  if (!customer) throw new Error(`No customer ${customerId}`);
  const [balance, entries, settings] = await Promise.all([
    book.reads.balance(customerId),
    book.reads.entries(customerId),
    book.settings.get(),
  ]);
  const country = settings?.country ?? ctx.country;
  const currency = settings?.currency ?? ctx.currency;
  const link =
    (await book.reads.liveLink(customerId, now.toISOString())) ??
    (await book.links.create({
      customerId,
      token: newLinkToken(Crypto.getRandomValues),
      expiresAt: linkExpiry(now, settings?.linkDays ?? DEFAULT_LINK_DAYS),
    }));
  const locale = customerLocale(customer, settings?.language ?? null, ctx.appLocale);
  const tag = country ? `${locale}-${country}` : locale;
  const { today } = phoneDay(now);
  const due = dueDateOf(entries.debts, balance.payments, today);
  const text = reminderText({
    template: settings?.reminderTemplates?.[locale] ?? null,
    locale,
    shop: settings?.shopName ?? '',
    amount: formatMoney(balance.owed, currency, tag),
    dueDate: due
      ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${due}T00:00:00Z`),
        )
      : null,
    link: `${SERVER_URL}/s/${link.token}`,
  });
  return {
    customer,
    amount: balance.owed,
    text,
    e164: phoneE164(customer.phone, country),
    linkId: link.id,
  };
}
