import { customerTimeline } from '@storesync/schema';
import { Stack, useLocalSearchParams, useRouter } from 'expo-router';
import { StyleSheet, View } from 'react-native';
import { useBook } from '../../../book/book-provider';
import { useCurrency } from '../../../book/currency';
import { useBookRow, useCatchUp, useRead } from '../../../book/reads';
import { useRefresh } from '../../../book/use-refresh';
import { writeOffAndDelete } from '../../../book/write-off';
import { useT } from '../../../i18n/locale';
import { CustomerRemind } from '../../../remind/customer-remind';
import { ShareStatement } from '../../../statement/share-statement';
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
  const t = useT();
  const customer = useBookRow('customers', id);
  const balance = useRead(`balance:${id}`, (r) => r.balance(id));
  const entries = useRead(`entries:${id}`, (r) => r.entries(id));
  if (customer === undefined || !balance || !entries) return <Splash />;
  if (!customer)
    return (
      <Screen>
        <Muted>{t('customer.missing')}</Muted>
        <Button
          label={t('customer.backToList')}
          variant="secondary"
          onPress={() => router.navigate('/customers')}
        />
      </Screen>
    );
  const timeline = customerTimeline(customer.id, entries);
  const notes = new Map<string, string | null>(
    [...entries.debts, ...entries.payments, ...entries.sales].map((r) => [r.id, r.note]),
  );
  const saleItems = new Map(entries.sales.map((s) => [s.id, s.items]));
  const writeOffs = new Set(entries.payments.filter((p) => p.kind === 'writeOff').map((p) => p.id));
  const remove = async () => {
    const name = customer.name;
    if (balance.owed > 0 || balance.credit > 0) {
      const owes = balance.owed > 0;
      const choice = await choose({
        title: owes
          ? t('customer.owesTitle', { name, amount: money(balance.owed) })
          : t('customer.holdsCreditTitle', { name, amount: money(balance.credit) }),
        message: owes
          ? t('customer.deleteOwing', { amount: money(balance.owed) })
          : t('customer.deleteCredit'),
        confirmLabel: t('customer.writeOffAndDelete'),
        destructive: true,
        ...(owes && { otherLabel: t('customer.repaymentFirst') }),
      });
      if (choice === 'other') router.push(`/payments/new?customerId=${customer.id}`);
      if (choice !== 'confirm') return;
      await writeOffAndDelete(book, customer.id, balance, t('customer.creditWrittenOff'));
    } else {
      const ok = await ask({
        title: t('customer.deleteQuestion', { name }),
        message: t('customer.deleteMessage', { count: timeline.length }),
        confirmLabel: t('customer.delete'),
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
            {t('customer.summary', {
              debts: money(balance.debts),
              unpaidSales: money(balance.unpaidSales),
              repaid: money(balance.payments),
            })}
          </Muted>
          {customer.phone ? <Muted>{t('customer.phone', { phone: customer.phone })}</Muted> : null}
          {customer.note ? <Muted>{customer.note}</Muted> : null}
        </Card>
      )}
      <View style={styles.actions}>
        <Button
          label={t('customer.recordDebt')}
          onPress={() => router.push(`/debts/new?customerId=${customer.id}`)}
        />
        <Button
          label={t('customer.recordRepayment')}
          variant="secondary"
          onPress={() => router.push(`/payments/new?customerId=${customer.id}`)}
        />
        <Button
          label={t('customer.newSale')}
          variant="secondary"
          onPress={() => router.push(`/sales/new?customerId=${customer.id}`)}
        />
      </View>
      <CustomerRemind customerId={customer.id} owed={balance.owed} />
      <ShareStatement customerId={customer.id} />
      {catchUp ? null : (
        <>
          <Heading>{t('customer.history')}</Heading>
          <Timeline
            entries={timeline}
            notes={notes}
            saleItems={saleItems}
            writeOffs={writeOffs}
            customerId={customer.id}
          />
        </>
      )}
      <Row>
        <Button
          compact
          variant="secondary"
          label={t('customer.edit')}
          onPress={() => router.push(`/customers/${customer.id}/edit`)}
        />
        <Button compact variant="quietDanger" label={t('customer.delete')} onPress={remove} />
      </Row>
      {dialog}
    </Screen>
  );
}

const styles = StyleSheet.create({ actions: { gap: space.sm } });
