import type { Row } from '@storesync/sync-client';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { BalanceText } from '../ui/balance-text';
import { Button } from '../ui/button';
import { formatWhen } from '../ui/format';
import { Card, Heading, Muted, Screen } from '../ui/layout';
import { Splash } from '../ui/splash';
import { colors, space } from '../ui/theme';

/** How far back Recently deleted looks. */
const DAYS = 30;
const SHOWN = 100;
type Entry = 'debts' | 'payments' | 'sales';

/**
 * What was deleted in the last 30 days, newest first, each with Restore: a
 * restore is a change like any other, so every device gets the row back.
 * A deleted customer whose entries still hold money is marked: that money is
 * in no balance on any screen until they are restored.
 */
export default function DeletedScreen() {
  const { book } = useBook();
  const { money } = useCurrency();
  const { t, tag, alignStart } = useLocale();
  const when = (iso: string | null) => t('deleted.when', { when: formatWhen(iso ?? '', new Date(), tag) });
  const since = new Date(Date.now() - DAYS * 86_400_000).toISOString().slice(0, 10);
  const deleted = useRead(`deleted:${since}`, (r) => r.deleted(`${since}T00:00:00.000Z`, SHOWN));
  if (!deleted) return <Splash />;
  const entries = (['debts', 'payments', 'sales'] as const).flatMap((entity) =>
    (deleted[entity] as Row<Entry>[]).map((row) => ({ entity, row })),
  );
  entries.sort((a, b) => (b.row.deletedAt ?? '').localeCompare(a.row.deletedAt ?? ''));
  const restoreEntry = async (entity: Entry, row: Row<Entry>) => {
    // An entry comes back with its customer: money is never shown under nobody.
    const customer = row.customerId ? await book.customers.get(row.customerId) : null;
    if (row.customerId && !customer) await book.customers.restore(row.customerId).catch(() => undefined);
    await book[entity].restore(row.id);
  };
  const nothing = deleted.customers.length + entries.length === 0;
  return (
    <Screen>
      <Muted>{t('deleted.intro', { days: DAYS })}</Muted>
      {nothing ? <Muted>{t('deleted.nothing')}</Muted> : null}
      {deleted.customers.length > 0 ? <Heading>{t('deleted.customers')}</Heading> : null}
      {deleted.customers.map(({ customer, balance }) => {
        const holds = balance.owed > 0 || balance.credit > 0;
        return (
          <Card key={customer.id} tone={holds ? 'owed' : undefined}>
            <Text style={[styles.title, alignStart]}>{customer.name}</Text>
            <Muted>{when(customer.deletedAt)}</Muted>
            {holds ? (
              <>
                <BalanceText balance={balance} />
                <Text style={[styles.warn, alignStart]}>
                  {t('deleted.stillHolds', { amount: money(balance.owed || balance.credit) })}
                </Text>
              </>
            ) : null}
            <Button
              compact
              label={t('common.restore')}
              accessibilityLabel={t('deleted.restoreLabel', { what: customer.name })}
              onPress={() => book.customers.restore(customer.id)}
            />
          </Card>
        );
      })}
      {entries.length > 0 ? <Heading>{t('deleted.entries')}</Heading> : null}
      {entries.map(({ entity, row }) => {
        const amount = 'amount' in row ? row.amount : row.total;
        const title = t('deleted.entryTitle', { entity, amount: money(amount) });
        return (
          <Card key={row.id}>
            <View style={styles.line}>
              <Text style={[styles.title, alignStart]}>{title}</Text>
              <Button
                compact
                variant="secondary"
                label={t('common.restore')}
                accessibilityLabel={t('deleted.restoreLabel', { what: title })}
                onPress={() => restoreEntry(entity, row)}
              />
            </View>
            <Muted>{when(row.deletedAt)}</Muted>
          </Card>
        );
      })}
    </Screen>
  );
}

const styles = StyleSheet.create({
  title: { fontSize: 16, fontWeight: '700', color: colors.text },
  warn: { color: colors.owed, fontSize: 14 },
  line: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center', gap: space.md },
});
