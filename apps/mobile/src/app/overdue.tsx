import { useRouter } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useCurrency } from '../book/currency';
import { phoneDay } from '../book/day';
import { useCatchUp, useRead } from '../book/reads';
import { useRefresh } from '../book/use-refresh';
import { useT } from '../i18n/locale';
import { CatchUpCard } from '../ui/catch-up';
import { Muted } from '../ui/layout';
import { ListItem } from '../ui/list-item';
import { LongList, PAGE } from '../ui/long-list';
import { colors } from '../ui/theme';

/** Every customer with an overdue amount, largest first ("See all" from Today). */
export default function OverdueScreen() {
  const router = useRouter();
  const refresh = useRefresh();
  const catchUp = useCatchUp();
  const { money } = useCurrency();
  const t = useT();
  const { today } = phoneDay();
  const [limit, setLimit] = useState(PAGE);
  const page = useRead(`overdue:${today}:${limit}`, (r) => r.overdue(today, limit));
  const [shown, setShown] = useState(page);
  if (page && page !== shown) setShown(page);
  const rows = shown?.rows ?? [];
  return (
    <LongList
      {...refresh}
      rows={catchUp ? [] : rows}
      keyOf={(r) => r.customer.id}
      header={
        catchUp ? (
          <CatchUpCard catchUp={catchUp} />
        ) : (
          <Muted>{shown ? t('overdue.count', { count: shown.count }) : ''}</Muted>
        )
      }
      empty={shown && !catchUp ? <Muted>{t('overdue.none')}</Muted> : <View />}
      onEndReached={() => shown && shown.count > rows.length && setLimit(rows.length + PAGE)}
      renderRow={({ customer, amount }) => (
        <ListItem
          title={customer.name}
          subtitle={customer.phone}
          accessibilityLabel={t('today.overdueLabel', { name: customer.name, amount: money(amount) })}
          right={<Text style={styles.overdue}>{t('today.overdueAmount', { amount: money(amount) })}</Text>}
          onPress={() => router.push(`/customers/${customer.id}`)}
        />
      )}
    />
  );
}

const styles = StyleSheet.create({ overdue: { color: colors.danger, fontWeight: '700', fontSize: 15 } });
