import type { Row } from '@storesync/sync-client';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
import { BalanceText } from '../ui/balance-text';
import { Button } from '../ui/button';
import { formatWhen } from '../ui/format';
import { Card, Heading, Muted, Screen } from '../ui/layout';
import { Splash } from '../ui/splash';
import { colors, space } from '../ui/theme';

/** How far back Recently deleted looks. */
const DAYS = 30;
const SHOWN = 100;
const NOUN = { debts: 'Debt', payments: 'Repayment', sales: 'Sale' } as const;
type Entry = keyof typeof NOUN;

/**
 * What was deleted in the last 30 days, newest first, each with Restore: a
 * restore is a change like any other, so every device gets the row back.
 * A deleted customer whose entries still hold money is marked: that money is
 * in no balance on any screen until they are restored.
 */
export default function DeletedScreen() {
  const { book } = useBook();
  const { money } = useCurrency();
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
      <Muted>{`Deleted in the last ${DAYS} days. Restoring brings a row back on every device.`}</Muted>
      {nothing ? <Muted>Nothing was deleted.</Muted> : null}
      {deleted.customers.length > 0 ? <Heading>Customers</Heading> : null}
      {deleted.customers.map(({ customer, balance }) => {
        const holds = balance.owed > 0 || balance.credit > 0;
        return (
          <Card key={customer.id} tone={holds ? 'owed' : undefined}>
            <Text style={styles.title}>{customer.name}</Text>
            <Muted>{`Deleted ${formatWhen(customer.deletedAt ?? '')}`}</Muted>
            {holds ? (
              <>
                <BalanceText balance={balance} />
                <Text style={styles.warn}>
                  {`Their entries still hold ${money(balance.owed || balance.credit)}, counted in no total until they are restored.`}
                </Text>
              </>
            ) : null}
            <Button
              compact
              label="Restore"
              accessibilityLabel={`Restore ${customer.name}`}
              onPress={() => book.customers.restore(customer.id)}
            />
          </Card>
        );
      })}
      {entries.length > 0 ? <Heading>Entries</Heading> : null}
      {entries.map(({ entity, row }) => {
        const amount = 'amount' in row ? row.amount : row.total;
        const title = `${NOUN[entity]} ${money(amount)}`;
        return (
          <Card key={row.id}>
            <View style={styles.line}>
              <Text style={styles.title}>{title}</Text>
              <Button
                compact
                variant="secondary"
                label="Restore"
                accessibilityLabel={`Restore ${title}`}
                onPress={() => restoreEntry(entity, row)}
              />
            </View>
            <Muted>{`Deleted ${formatWhen(row.deletedAt ?? '')}`}</Muted>
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
