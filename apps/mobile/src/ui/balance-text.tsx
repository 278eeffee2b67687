import type { Balance } from '@storesync/schema';
import { StyleSheet, Text } from 'react-native';
import { useCurrency } from '../book/currency';
import { useT } from '../i18n/locale';
import { colors } from './theme';

/** "Owes $12.00", "Credit $3.00" or "Settled": what is owed kept apart from credit. */
export function BalanceText({ balance, large }: { balance: Balance; large?: boolean }) {
  const { money } = useCurrency();
  const t = useT();
  const [text, style] =
    balance.owed > 0
      ? [t('balance.owes', { amount: money(balance.owed) }), styles.owed]
      : balance.credit > 0
        ? [t('balance.credit', { amount: money(balance.credit) }), styles.credit]
        : [t('balance.settled'), styles.settled];
  return <Text style={[styles.base, large && styles.large, style]}>{text}</Text>;
}

const styles = StyleSheet.create({
  base: { fontSize: 15, fontWeight: '600' },
  large: { fontSize: 22, fontWeight: '700' },
  owed: { color: colors.owed },
  credit: { color: colors.paid },
  settled: { color: colors.muted },
});
