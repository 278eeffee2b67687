import { isLocale, type Locale } from '@storesync/i18n';
import { buildStatement, type StatementInput } from '@storesync/schema';
import { statementHtml } from '@storesync/statement';
import { phoneDay } from '../book/day';

/** The reader's language: the customer's, else the store's, else this phone's. */
export function statementLocale(customer: string | null, store: string | null, phone: Locale): Locale {
  for (const tag of [customer, store]) {
    const language = tag?.split(/[-_]/)[0]?.toLowerCase();
    if (language && isLocale(language)) return language;
  }
  return phone;
}

/**
 * The statement as the phone's own book has it, as the HTML the server's page renders (the
 * same @storesync/statement document): no network needed, dated in the phone's zone.
 */
export function phoneStatementHtml(opts: {
  customer: { id: string; name: string; language?: string | null };
  entries: StatementInput;
  shopName: string | null;
  currency: string;
  storeLanguage: string | null;
  phoneLocale: Locale;
}): string {
  const { today } = phoneDay();
  return statementHtml({
    statement: buildStatement(opts.customer.id, opts.entries, today),
    shopName: opts.shopName,
    customerName: opts.customer.name,
    currency: opts.currency,
    locale: statementLocale(opts.customer.language ?? null, opts.storeLanguage, opts.phoneLocale),
    today,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
}
