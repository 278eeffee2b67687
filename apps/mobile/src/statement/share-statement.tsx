import { useSettings } from '@storesync/sync-client/react';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useBookRow } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { SharePdfButton } from './share-pdf-button';
import { phoneStatementHtml } from './statement-page';

/**
 * "Share statement" (issue 22 §3): the customer's statement as a PDF made on the phone from its
 * own book, the statement page's HTML.
 */
export function ShareStatement({ customerId }: { customerId: string }) {
  const { book } = useBook();
  const settings = useSettings(book);
  const { currency, shopName } = useCurrency();
  const { locale, t } = useLocale();
  const customer = useBookRow('customers', customerId);
  if (!customer) return null;
  return (
    <SharePdfButton
      label={t('statement.share.button')}
      failed={(reason) => t('statement.share.failed', { reason })}
      makeHtml={async () =>
        phoneStatementHtml({
          customer,
          entries: await book.reads.entries(customerId),
          shopName,
          currency,
          storeLanguage: settings?.language ?? null,
          phoneLocale: locale,
        })
      }
    />
  );
}
