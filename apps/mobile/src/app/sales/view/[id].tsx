import { saleTotal } from '@storesync/schema';
import { useLocalSearchParams, useRouter } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../../../book/book-provider';
import { useCurrency } from '../../../book/currency';
import { useBookRow } from '../../../book/reads';
import { useLocale } from '../../../i18n/locale';
import { ShareReceipt } from '../../../statement/share-receipt';
import { Button } from '../../../ui/button';
import { DeleteEntry } from '../../../ui/delete-entry';
import { formatWhen } from '../../../ui/format';
import { goBack } from '../../../ui/go-back';
import { Card, Heading, Muted, Screen } from '../../../ui/layout';
import { Missing } from '../../../ui/missing';
import { Splash } from '../../../ui/splash';
import { colors, space } from '../../../ui/theme';

/** One sale as the owner reads it: what was sold, the total, what was paid, who bought, when. */
export default function SaleScreen() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { t, tag, alignStart } = useLocale();
  const { money } = useCurrency();
  const { book } = useBook();
  const router = useRouter();
  const sale = useBookRow('sales', id);
  const customer = useBookRow('customers', sale?.customerId);
  if (sale === undefined || customer === undefined) return <Splash />;
  if (!sale) return <Missing entity="sales" />;
  const owed = sale.total - sale.paidAmount;
  const remove = async () => {
    await book.sales.delete(sale.id);
    goBack(router);
  };
  const line = (label: string, value: string, tone?: object) => (
    <View style={styles.line}>
      <Text style={[styles.label, alignStart]}>{label}</Text>
      <Text style={[styles.value, tone]}>{value}</Text>
    </View>
  );
  return (
    <Screen>
      <Muted>{t('phone.sale.soldAt', { when: formatWhen(sale.soldAt, new Date(), tag) })}</Muted>
      <Heading>{t('phone.sale.items')}</Heading>
      <Card>
        {sale.items.map((item, n) => {
          const each = t('phone.sale.line', { quantity: item.quantity, price: money(item.unitPrice) });
          const total = money(saleTotal([item]));
          return (
            <View
              // biome-ignore lint/suspicious/noArrayIndexKey: a sale's lines have no ids and never move on this screen
              key={`${n}:${item.name}`}
              style={styles.item}
              accessibilityLabel={`${item.name}, ${each} = ${total}`}
            >
              <View style={styles.grow}>
                <Text style={[styles.name, alignStart]}>{item.name}</Text>
                <Text style={[styles.label, alignStart]}>{each}</Text>
              </View>
              <Text style={styles.value}>{total}</Text>
            </View>
          );
        })}
      </Card>
      <Card>
        {line(t('forms.total'), money(sale.total))}
        {line(t('phone.sale.paid'), money(sale.paidAmount), styles.paid)}
        {owed > 0 ? line(t('phone.sale.owed'), money(owed), styles.owed) : null}
        {line(t('phone.sale.customer'), customer?.name ?? t('phone.sales.walkIn'))}
      </Card>
      {sale.note ? <Muted>{sale.note}</Muted> : null}
      {customer ? (
        <Button
          variant="secondary"
          label={t('phone.sale.openCustomer', { name: customer.name })}
          onPress={() => router.push(`/customers/${customer.id}`)}
        />
      ) : null}
      <ShareReceipt sale={sale} customer={customer} />
      <Button label={t('phone.sale.edit')} onPress={() => router.push(`/sales/${sale.id}`)} />
      <DeleteEntry
        label={t('forms.deleteEntry', { entity: 'sales' })}
        question={t('forms.deleteEntryQuestion', { entity: 'sales' })}
        onDelete={remove}
      />
    </Screen>
  );
}

const styles = StyleSheet.create({
  grow: { flex: 1 },
  item: { flexDirection: 'row', alignItems: 'center', gap: space.md, paddingVertical: space.xs },
  name: { fontSize: 16, color: colors.text, fontWeight: '600' },
  line: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: space.xs },
  label: { fontSize: 14, color: colors.muted },
  value: { fontSize: 16, fontWeight: '700', color: colors.text },
  paid: { color: colors.paid },
  owed: { color: colors.owed },
});
