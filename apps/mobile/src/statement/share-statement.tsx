import { useSettings } from '@storesync/sync-client/react';
import * as Print from 'expo-print';
import * as Sharing from 'expo-sharing';
import { useState } from 'react';
import { Platform } from 'react-native';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useBookRow } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { Button } from '../ui/button';
import { Muted } from '../ui/layout';
import { phoneStatementHtml } from './statement-page';

/**
 * "Share statement" (issue 22 §3): the customer's statement as a PDF made on the phone from its
 * own book (expo-print over the statement page's HTML), offered to the share sheet. On the web
 * export expo-print prints the page instead, the browser's own print to PDF.
 */
export function ShareStatement({ customerId }: { customerId: string }) {
  const { book } = useBook();
  const settings = useSettings(book);
  const { currency, shopName } = useCurrency();
  const { locale, t } = useLocale();
  const customer = useBookRow('customers', customerId);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!customer) return null;

  const share = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const html = phoneStatementHtml({
        customer,
        entries: await book.reads.entries(customerId),
        shopName,
        currency,
        storeLanguage: settings?.language ?? null,
        phoneLocale: locale,
      });
      if (Platform.OS === 'web') {
        await Print.printAsync({ html });
        return;
      }
      const { uri } = await Print.printToFileAsync({ html });
      await Sharing.shareAsync(uri, { mimeType: 'application/pdf', UTI: 'com.adobe.pdf' });
    } catch (error) {
      setFailure(
        t('statement.share.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label={t('statement.share.button')} variant="secondary" busy={busy} onPress={share} />
      {failure ? <Muted>{failure}</Muted> : null}
    </>
  );
}
