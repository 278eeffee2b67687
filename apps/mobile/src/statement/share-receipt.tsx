import { type ReceiptPage, receiptHtml } from '@storesync/statement';
import { useSettings } from '@storesync/sync-client/react';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useLocale } from '../i18n/locale';
import { SharePdfButton } from './share-pdf-button';
import { statementLocale } from './statement-page';

/**
 * "Share receipt" (issue 22 §3): a sale's receipt as a PDF made on the phone, in the buyer's
 * language as their statement is; for a customer's sale, with what they owe in all now.
 */
export function ShareReceipt({
  sale,
  customer,
}: {
  sale: ReceiptPage['sale'];
  customer: { id: string; name: string; language?: string | null } | null;
}) {
  const { book } = useBook();
  const settings = useSettings(book);
  const { currency, shopName } = useCurrency();
  const { locale, t } = useLocale();
  return (
    <SharePdfButton
      label={t('statement.receipt.share')}
      failed={(reason) => t('statement.receipt.failed', { reason })}
      makeHtml={async () =>
        receiptHtml({
          sale,
          shopName,
          customerName: customer?.name ?? null,
          owedNow: customer ? (await book.reads.balance(customer.id)).owed : null,
          currency,
          locale: statementLocale(customer?.language ?? null, settings?.language ?? null, locale),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        })
      }
    />
  );
}
