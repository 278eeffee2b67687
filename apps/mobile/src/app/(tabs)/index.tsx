import { useRouter } from 'expo-router';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { useCurrency } from '../../book/currency';
import { phoneDay } from '../../book/day';
import { useCatchUp, useRead } from '../../book/reads';
import { useRefresh } from '../../book/use-refresh';
import { useLocale } from '../../i18n/locale';
import { ToRemind } from '../../remind/to-remind';
import { BalanceText } from '../../ui/balance-text';
import { Button } from '../../ui/button';
import { CatchUpCard } from '../../ui/catch-up';
import { Card, Heading, Muted, Row, Screen } from '../../ui/layout';
import { ListItem } from '../../ui/list-item';
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
  const { t, alignStart } = useLocale();
  return (
    <View style={styles.figure} accessibilityLabel={t('common.something', { label, value })}>
      <Text style={[styles.figureLabel, alignStart]}>{label}</Text>
      <Text style={[styles.figureValue, alignStart, tone === 'owed' && styles.owed]}>{value}</Text>
      {detail ? <Text style={[styles.figureDetail, alignStart]}>{detail}</Text> : null}
    </View>
  );
}

/** How many of the overdue customers Today lists before "See all". */
const OVERDUE_SHOWN = 5;

/** Today: sales and money taken, what is outstanding, who owes most, who is overdue. */
export default function TodayScreen() {
  const router = useRouter();
  const refresh = useRefresh();
  const catchUp = useCatchUp();
  const { t, format } = useLocale();
  return (
    <Screen {...refresh}>
      <Muted>{format.dateTime(new Date(), { weekday: 'long', day: 'numeric', month: 'long' })}</Muted>
      {catchUp ? <CatchUpCard catchUp={catchUp} /> : <DayFigures />}
      <Row>
        <View style={styles.grow}>
          <Button label={t('today.newSale')} onPress={() => router.push('/sales/new')} />
        </View>
        <View style={styles.grow}>
          <Button
            label={t('today.addCustomer')}
            variant="secondary"
            onPress={() => router.push('/customers/new')}
          />
        </View>
      </Row>
      {catchUp ? null : <ToRemind />}
      {catchUp ? null : <Debtors />}
    </Screen>
  );
}

/** The day's sales, money taken, and what the book says is outstanding. */
function DayFigures() {
  const { money } = useCurrency();
  const { t } = useLocale();
  const { from, to } = phoneDay();
  const day = useRead(`period:${from}`, (r) => r.period(from, to));
  const totals = useRead('totals', (r) => r.totals());
  if (!day || !totals) return <ActivityIndicator color={colors.accent} />;
  return (
    <>
      <View style={styles.figures}>
        <Figure
          label={t('today.salesToday')}
          value={money(day.salesTotal)}
          detail={t('today.salesCount', { count: day.salesCount })}
        />
        <Figure label={t('today.moneyTaken')} value={money(day.taken)} detail={t('today.moneyTakenDetail')} />
      </View>
      <Card tone={totals.outstanding > 0 ? 'owed' : undefined}>
        <Figure
          label={t('today.outstanding')}
          value={money(totals.outstanding)}
          detail={[
            t('today.customersOwing', { count: totals.customersOwing }),
            ...(totals.credit > 0 ? [t('today.heldAsCredit', { amount: money(totals.credit) })] : []),
          ].join(' · ')}
          tone={totals.outstanding > 0 ? 'owed' : undefined}
        />
      </Card>
    </>
  );
}

/** Who owes most, then the few overdue that matter most (and how many more). */
function Debtors() {
  const { money } = useCurrency();
  const { t } = useLocale();
  const router = useRouter();
  const { today } = phoneDay();
  const top = useRead('top:5', (r) => r.topDebtors(5));
  const overdue = useRead(`overdue:${today}`, (r) => r.overdue(today, OVERDUE_SHOWN));
  if (!top || !overdue) return null;
  const open = (id: string) => router.push(`/customers/${id}`);
  return (
    <>
      <Heading>{t('today.whoOwesMost')}</Heading>
      {top.length === 0 ? (
        <Muted>{t('today.nobodyOwes')}</Muted>
      ) : (
        <View style={styles.list}>
          {top.map(({ customer, balance }) => (
            <ListItem
              key={customer.id}
              title={customer.name}
              subtitle={customer.phone}
              right={<BalanceText balance={balance} />}
              onPress={() => open(customer.id)}
            />
          ))}
        </View>
      )}
      {overdue.count > 0 ? (
        <>
          <Heading>{t('today.overdueHeading', { count: overdue.count })}</Heading>
          <View style={styles.list}>
            {overdue.rows.map(({ customer, amount }) => (
              <ListItem
                key={customer.id}
                title={customer.name}
                subtitle={customer.phone}
                accessibilityLabel={t('today.overdueLabel', { name: customer.name, amount: money(amount) })}
                right={
                  <Text style={styles.overdue}>{t('today.overdueAmount', { amount: money(amount) })}</Text>
                }
                onPress={() => open(customer.id)}
              />
            ))}
          </View>
          {overdue.count > overdue.rows.length ? (
            <Button
              compact
              variant="secondary"
              label={t('today.seeAll', { count: overdue.count })}
              onPress={() => router.push('/overdue')}
            />
          ) : null}
        </>
      ) : null}
    </>
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
