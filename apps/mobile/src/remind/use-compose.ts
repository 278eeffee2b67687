import { useCallback } from 'react';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useLocale } from '../i18n/locale';
import { composeReminder } from './compose';
import { deviceRegion } from './remind-settings';

/** `compose(customerId)`: the store's settings as the book holds them, this app's language as the fallback. */
export function useComposeReminder() {
  const { book } = useBook();
  const { currency } = useCurrency();
  const { locale } = useLocale();
  return useCallback(
    (customerId: string) =>
      composeReminder(book, customerId, { appLocale: locale, currency, country: deviceRegion() }),
    [book, currency, locale],
  );
}
