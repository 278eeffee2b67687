import { customerTimeline } from '@storesync/schema';
import { Stack, useLocalSearchParams, useRouter } from 'expo-router';
import { StyleSheet, View } from 'react-native';
import { useBook } from '../../../book/book-provider';
import { useCurrency } from '../../../book/currency';
import { useLedger } from '../../../book/use-ledger';
import { useRefresh } from '../../../book/use-refresh';
import { BalanceText } from '../../../ui/balance-text';
import { Button } from '../../../ui/button';
import { useConfirm } from '../../../ui/confirm';
import { Card, Heading, Muted, Row, Screen } from '../../../ui/layout';
import { Splash } from '../../../ui/splash';
import { space } from '../../../ui/theme';
import { Timeline } from '../../../ui/timeline';

/** One customer: balance, history, and from here a debt, a repayment or a sale. */
export default function CustomerScreen() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { book } = useBook();
  const { money } = useCurrency();
  const ledger = useLedger();
  const router = useRouter();
  const refresh = useRefresh();
  const [dialog, ask] = useConfirm();
  if (!ledger) return <Splash />;
  const customer = ledger.customer(id);
  if (!customer)
    return (
      <Screen>
        <Muted>No such customer: it may have been deleted on another device.</Muted>
        <Button label="Back to customers" variant="secondary" onPress={() => router.navigate('/customers')} />
      </Screen>
    );
  const balance = ledger.balance(customer.id);
  const entries = customerTimeline(customer.id, ledger);
  const notes = new Map<string, string | null>(
    [...ledger.debts, ...ledger.payments, ...ledger.sales].map((r) => [r.id, r.note]),
  );
  const remove = async () => {
    const ok = await ask({
      title: `Delete ${customer.name}?`,
      message:
        entries.length > 0
          ? `Their ${entries.length} recorded entries stay in the book, but the customer disappears from lists on every device.`
          : 'The customer disappears from lists on every device.',
      confirmLabel: 'Delete customer',
      destructive: true,
    });
    if (!ok) return;
    await book.customers.delete(customer.id);
    router.navigate('/customers');
  };
  return (
    <Screen {...refresh}>
      <Stack.Screen options={{ title: customer.name }} />
      <Card tone={balance.owed > 0 ? 'owed' : balance.credit > 0 ? 'paid' : undefined}>
        <BalanceText balance={balance} large />
        <Muted>
          {`Debts ${money(balance.debts)} · unpaid sales ${money(balance.unpaidSales)} · repaid ${money(balance.payments)}`}
        </Muted>
        {customer.phone ? <Muted>{`Phone ${customer.phone}`}</Muted> : null}
        {customer.note ? <Muted>{customer.note}</Muted> : null}
      </Card>
      <View style={styles.actions}>
        <Button label="Record debt" onPress={() => router.push(`/debts/new?customerId=${customer.id}`)} />
        <Button
          label="Record repayment"
          variant="secondary"
          onPress={() => router.push(`/payments/new?customerId=${customer.id}`)}
        />
        <Button
          label="New sale"
          variant="secondary"
          onPress={() => router.push(`/sales/new?customerId=${customer.id}`)}
        />
      </View>
      <Heading>History</Heading>
      <Timeline entries={entries} notes={notes} />
      <Row>
        <Button
          compact
          variant="secondary"
          label="Edit customer"
          onPress={() => router.push(`/customers/${customer.id}/edit`)}
        />
        <Button compact variant="quietDanger" label="Delete customer" onPress={remove} />
      </Row>
      {dialog}
    </Screen>
  );
}

const styles = StyleSheet.create({ actions: { gap: space.sm } });
