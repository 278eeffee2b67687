import type { TimelineEntry } from '@storesync/schema';
import { useRouter } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { useCurrency } from '../book/currency';
import { formatWhen } from './format';
import { ListItem } from './list-item';
import { colors } from './theme';

const LABEL = { debt: 'Debt', payment: 'Repayment', sale: 'Sale' } as const;
const ROUTE = { debt: '/debts', payment: '/payments', sale: '/sales' } as const;

/** A customer's history, newest first: each entry, its effect, the balance after it. Tap to edit. */
export function Timeline({
  entries,
  notes,
  writeOffs,
}: {
  entries: TimelineEntry[];
  notes: Map<string, string | null>;
  /** Repayments that are write-offs: named so, not counted as money taken. */
  writeOffs: ReadonlySet<string>;
}) {
  const { money } = useCurrency();
  const router = useRouter();
  if (entries.length === 0) return <Text style={styles.empty}>Nothing recorded yet.</Text>;
  return (
    <View style={styles.list}>
      {[...entries].reverse().map((e) => {
        const sign = e.effect > 0 ? '+' : e.effect < 0 ? '−' : '';
        const label = writeOffs.has(e.id) ? 'Written off' : LABEL[e.kind];
        const title = `${label} ${money(e.amount)}`;
        const note = notes.get(e.id);
        return (
          <ListItem
            key={`${e.kind}:${e.id}`}
            title={title}
            subtitle={[formatWhen(e.at), note].filter(Boolean).join(' · ')}
            accessibilityLabel={`${title}, ${formatWhen(e.at)}`}
            onPress={() => router.push(`${ROUTE[e.kind]}/${e.id}`)}
            right={
              <View style={styles.right}>
                <Text style={[styles.effect, e.effect > 0 ? styles.up : styles.down]}>
                  {e.effect === 0 ? 'paid' : `${sign}${money(Math.abs(e.effect))}`}
                </Text>
                <Text style={styles.after}>{`bal. ${money(e.balance)}`}</Text>
              </View>
            }
          />
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  list: { borderRadius: 10, overflow: 'hidden', borderWidth: 1, borderColor: colors.border },
  empty: { color: colors.muted, fontSize: 15 },
  right: { alignItems: 'flex-end' },
  effect: { fontSize: 15, fontWeight: '700' },
  up: { color: colors.owed },
  down: { color: colors.paid },
  after: { fontSize: 12, color: colors.muted },
});
