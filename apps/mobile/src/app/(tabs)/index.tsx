import { useRouter } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { useCurrency } from '../../book/currency';
import { todayFigures } from '../../book/today';
import { useLedger } from '../../book/use-ledger';
import { useRefresh } from '../../book/use-refresh';
import { BalanceText } from '../../ui/balance-text';
import { Button } from '../../ui/button';
import { plural } from '../../ui/format';
import { Card, Heading, Muted, Row, Screen } from '../../ui/layout';
import { ListItem } from '../../ui/list-item';
import { Splash } from '../../ui/splash';
import { colors, space } from '../../ui/theme';

function Figure({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: string;
  detail?: string;
  tone?: 'owed';
}) {
  return (
    <View style={styles.figure} accessibilityLabel={`${label}: ${value}`}>
      <Text style={styles.figureLabel}>{label}</Text>
      <Text style={[styles.figureValue, tone === 'owed' && styles.owed]}>{value}</Text>
      {detail ? <Text style={styles.figureDetail}>{detail}</Text> : null}
    </View>
  );
}

/** Today: sales and money taken, what is outstanding, who owes most. */
export default function TodayScreen() {
  const ledger = useLedger();
  const { money } = useCurrency();
  const router = useRouter();
  const refresh = useRefresh();
  if (!ledger) return <Splash />;
  const t = todayFigures(ledger);
  return (
    <Screen {...refresh}>
      <Muted>
        {new Date().toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}
      </Muted>
      <View style={styles.figures}>
        <Figure label="Sales today" value={money(t.salesTotal)} detail={plural(t.salesCount, 'sale')} />
        <Figure label="Money taken" value={money(t.taken)} detail="sales paid + repayments" />
      </View>
      <Card tone={t.outstanding > 0 ? 'owed' : undefined}>
        <Figure
          label="Outstanding"
          value={money(t.outstanding)}
          detail={`${plural(t.customersOwing, 'customer')} ${t.customersOwing === 1 ? 'owes' : 'owe'} you${t.credit > 0 ? ` · ${money(t.credit)} held as credit` : ''}`}
          tone={t.outstanding > 0 ? 'owed' : undefined}
        />
      </Card>
      <Row>
        <View style={styles.grow}>
          <Button label="New sale" onPress={() => router.push('/sales/new')} />
        </View>
        <View style={styles.grow}>
          <Button label="Add customer" variant="secondary" onPress={() => router.push('/customers/new')} />
        </View>
      </Row>
      {t.overdue.length > 0 ? (
        <>
          <Heading>Overdue</Heading>
          <View style={styles.list}>
            {t.overdue.map(({ customer, amount }) => (
              <ListItem
                key={customer.id}
                title={customer.name}
                subtitle={customer.phone}
                accessibilityLabel={`${customer.name} overdue ${money(amount)}`}
                right={<Text style={styles.overdue}>{`${money(amount)} overdue`}</Text>}
                onPress={() => router.push(`/customers/${customer.id}`)}
              />
            ))}
          </View>
        </>
      ) : null}
      <Heading>Who owes most</Heading>
      {t.topDebtors.length === 0 ? (
        <Muted>Nobody owes you anything.</Muted>
      ) : (
        <View style={styles.list}>
          {t.topDebtors.map(({ customer, balance }) => (
            <ListItem
              key={customer.id}
              title={customer.name}
              subtitle={customer.phone}
              right={<BalanceText balance={balance} />}
              onPress={() => router.push(`/customers/${customer.id}`)}
            />
          ))}
        </View>
      )}
    </Screen>
  );
}

const styles = StyleSheet.create({
  figures: { flexDirection: 'row', gap: space.md },
  figure: {
    flex: 1,
    gap: 2,
  },
  figureLabel: { fontSize: 14, color: colors.muted, fontWeight: '600' },
  figureValue: { fontSize: 24, fontWeight: '700', color: colors.text },
  figureDetail: { fontSize: 13, color: colors.muted },
  owed: { color: colors.owed },
  overdue: { color: colors.danger, fontWeight: '700', fontSize: 15 },
  grow: { flex: 1 },
  list: { borderRadius: 10, overflow: 'hidden', borderWidth: 1, borderColor: colors.border },
});
