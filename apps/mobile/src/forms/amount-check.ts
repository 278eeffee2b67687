import { needsLargest, unusualAmount } from '@storesync/schema';
import type { SyncClient } from '@storesync/sync-client';
import { type ReactNode, useCallback } from 'react';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useLocale } from '../i18n/locale';
import { useConfirm } from '../ui/confirm';

/** The largest debt, sale total or repayment of the book so far (0 for an empty book). */
export async function largestEntry(book: SyncClient): Promise<number> {
  const [debts, sales, payments] = await Promise.all([
    book.debts.list(),
    book.sales.list(),
    book.payments.list(),
  ]);
  let largest = 0;
  for (const d of debts) largest = Math.max(largest, d.amount);
  for (const s of sales) largest = Math.max(largest, s.total);
  for (const p of payments) largest = Math.max(largest, p.amount);
  return largest;
}

/**
 * A second question before saving an amount far above the shop's usual (`unusualAmount`): three
 * zeros too many look like any amount. `check(minor)` resolves true to save. The book is read
 * only for amounts over 100 whole units, so everyday entries ask nothing and read nothing.
 */
export function useAmountCheck(): [ReactNode, (minor: number) => Promise<boolean>] {
  const { book } = useBook();
  const { currency, money } = useCurrency();
  const { t } = useLocale();
  const [dialog, ask] = useConfirm();
  const check = useCallback(
    async (minor: number) => {
      const largest = needsLargest(minor, currency) ? await largestEntry(book) : null;
      const why = unusualAmount(minor, largest, currency);
      if (!why) return true;
      return ask({
        title: t('phone.check.title'),
        message:
          why === 'ceiling'
            ? t('phone.check.ceiling', { amount: money(minor) })
            : t('phone.check.unusual', { amount: money(minor), largest: money(largest ?? 0) }),
        confirmLabel: t('phone.check.confirm'),
      });
    },
    [book, currency, money, t, ask],
  );
  return [dialog, check];
}
