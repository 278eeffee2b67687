import { useRouter } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useCurrency } from '../book/currency';
import { phoneDay } from '../book/day';
import { useRead } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { Button } from '../ui/button';
import { Heading, Muted, Row } from '../ui/layout';
import { ListItem } from '../ui/list-item';
import { colors } from '../ui/theme';
import { RemindPanel } from './remind-panel';
import { useRemindSettings } from './remind-settings';
import { useRemindedAgo } from './reminded-ago';

/** How many Today lists; Remind all overdue steps through every overdue one. */
const SHOWN = 5;
const ALL = 500;

/**
 * Today's To remind: customers who owe and are overdue, or were not reminded for the store's
 * remindDays, most owed first. Remind all overdue steps through the overdue ones, one message
 * at a time: the next is prepared as soon as one is sent (or skipped).
 */
export function ToRemind() {
  const { t } = useLocale();
  const { money } = useCurrency();
  const router = useRouter();
  const ago = useRemindedAgo();
  const { remindDays } = useRemindSettings();
  const { today } = phoneDay();
  // Days, not instants, so the read's key changes once a day rather than every render.
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - remindDays * 86_400_000).toISOString();
  const list = useRead(`toRemind:${today}:${since}`, (r) => r.toRemind(today, since, ALL), [
    'customers',
    'debts',
    'payments',
    'sales',
    'reminders',
  ]);
  // The overdue customers of the list when Remind all started: sending one must not reorder the walk.
  const [queue, setQueue] = useState<{ ids: string[]; names: string[]; at: number } | null>(null);
  if (!list || list.count === 0) return null;
  const overdue = list.rows.filter((r) => r.overdue > 0);
  const step = queue && queue.at < queue.ids.length ? queue : null;
  const next = () => setQueue((q) => (q ? { ...q, at: q.at + 1 } : q));
  return (
    <>
      <Heading>{t('remind.toRemind', { count: list.count })}</Heading>
      {step ? (
        <>
          <Muted>
            {t('remind.step', {
              index: step.at + 1,
              count: step.ids.length,
              name: step.names[step.at] ?? '',
            })}
          </Muted>
          <RemindPanel
            key={step.ids[step.at]}
            customerId={step.ids[step.at] ?? ''}
            open
            onSent={next}
            onClose={next}
          />
          <Row>
            <Button compact variant="secondary" label={t('remind.skip')} onPress={next} />
            <Button compact variant="quiet" label={t('remind.stop')} onPress={() => setQueue(null)} />
          </Row>
        </>
      ) : queue ? (
        <Muted>{t('remind.allDone')}</Muted>
      ) : null}
      {overdue.length > 0 && !step ? (
        <Button
          label={t('remind.remindAll')}
          onPress={() =>
            setQueue({
              ids: overdue.map((r) => r.customer.id),
              names: overdue.map((r) => r.customer.name),
              at: 0,
            })
          }
        />
      ) : null}
      <View style={styles.list}>
        {list.rows.slice(0, SHOWN).map(({ customer, owed, overdue: late, lastRemindedAt }) => (
          <ListItem
            key={customer.id}
            title={customer.name}
            subtitle={ago(lastRemindedAt) ?? customer.phone}
            accessibilityLabel={t('remind.toRemindLabel', { name: customer.name, amount: money(owed) })}
            right={
              <View style={styles.right}>
                <Text style={styles.owed}>{t('remind.toRemindOwes', { amount: money(owed) })}</Text>
                {late > 0 ? (
                  <Text style={styles.late}>{t('today.overdueAmount', { amount: money(late) })}</Text>
                ) : null}
              </View>
            }
            onPress={() => router.push(`/customers/${customer.id}`)}
          />
        ))}
      </View>
    </>
  );
}

const styles = StyleSheet.create({
  list: { borderRadius: 10, overflow: 'hidden', borderWidth: 1, borderColor: colors.border },
  right: { alignItems: 'flex-end' },
  owed: { color: colors.owed, fontWeight: '700', fontSize: 15 },
  late: { color: colors.danger, fontSize: 12 },
});
