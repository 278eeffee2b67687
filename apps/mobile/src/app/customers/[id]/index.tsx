import { customerTimeline } from '@storesync/schema';
import { Stack, useLocalSearchParams, useRouter } from 'expo-router';
import { StyleSheet, View } from 'react-native';
import { useBook } from '../../../book/book-provider';
import { useCurrency } from '../../../book/currency';
import { useBookRow, useCatchUp, useRead } from '../../../book/reads';
import { useRefresh } from '../../../book/use-refresh';
import { writeOffAndDelete } from '../../../book/write-off';
import { BalanceText } from '../../../ui/balance-text';
import { Button } from '../../../ui/button';
import { CatchUpCard } from '../../../ui/catch-up';
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
  const router = useRouter();
  const refresh = useRefresh();
  const catchUp = useCatchUp();
  const [dialog, ask, choose] = useConfirm();
  const customer = useBookRow('customers', id);
  const balance = useRead(`balance:${id}`, (r) => r.balance(id));
  const entries = useRead(`entries:${id}`, (r) => r.entries(id));
  if (customer === undefined || !balance || !entries) return <Splash />;
  if (!customer)
    return (
      <Screen>
        <Muted>No such customer: it may have been deleted on another device.</Muted>
        <Button label="Back to customers" variant="secondary" onPress={() => router.navigate('/customers')} />
      </Screen>
    );
  const timeline = customerTimeline(customer.id, entries);
  const notes = new Map<string, string | null>(
    [...entries.debts, ...entries.payments, ...entries.sales].map((r) => [r.id, r.note]),
  );
  const writeOffs = new Set(entries.payments.filter((p) => p.kind === 'writeOff').map((p) => p.id));
  const remove = async () => {
    const held = balance.owed > 0 ? `owes ${money(balance.owed)}` : `holds ${money(balance.credit)} credit`;
    if (balance.owed > 0 || balance.credit > 0) {
      const choice = await choose({
        title: `${customer.name} ${held}`,
        message:
          balance.owed > 0
            ? `Deleting them takes ${money(balance.owed)} out of Outstanding. Record the repayment first, or write it off: the write-off is recorded in their history, and they can be restored from Recently deleted.`
            : `Write off their credit (recorded in their history) and delete them, or keep them until it is settled.`,
        confirmLabel: 'Write off and delete',
        destructive: true,
        ...(balance.owed > 0 && { otherLabel: 'Record repayment first' }),
      });
      if (choice === 'other') router.push(`/payments/new?customerId=${customer.id}`);
      if (choice !== 'confirm') return;
      await writeOffAndDelete(book, customer.id, balance);
    } else {
      const ok = await ask({
        title: `Delete ${customer.name}?`,
        message:
          timeline.length > 0
            ? `Their ${timeline.length} recorded entries stay in the book. The customer leaves the lists on every device and can be restored from Recently deleted.`
            : 'The customer leaves the lists on every device and can be restored from Recently deleted.',
        confirmLabel: 'Delete customer',
        destructive: true,
      });
      if (!ok) return;
      await book.customers.delete(customer.id);
    }
    router.navigate('/customers');
  };
  return (
    <Screen {...refresh}>
      <Stack.Screen options={{ title: customer.name }} />
      {catchUp ? (
        <CatchUpCard catchUp={catchUp} />
      ) : (
        <Card tone={balance.owed > 0 ? 'owed' : balance.credit > 0 ? 'paid' : undefined}>
          <BalanceText balance={balance} large />
          <Muted>
            {`Debts ${money(balance.debts)} · unpaid sales ${money(balance.unpaidSales)} · repaid ${money(balance.payments)}`}
          </Muted>
          {customer.phone ? <Muted>{`Phone ${customer.phone}`}</Muted> : null}
          {customer.note ? <Muted>{customer.note}</Muted> : null}
        </Card>
      )}
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
      {catchUp ? null : (
        <>
          <Heading>History</Heading>
          <Timeline entries={timeline} notes={notes} writeOffs={writeOffs} />
        </>
      )}
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
