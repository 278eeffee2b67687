import type { SaleItem, TimelineEntry } from '@storesync/schema';
import type { Row } from '@storesync/sync-client';
import { useRouter } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { formatWhen } from './format';
import { ListItem } from './list-item';
import { saleSummary } from './sale-summary';
import { colors } from './theme';

const ROUTE = { debt: '/debts', payment: '/payments', sale: '/sales/view' } as const;

/** A customer's history, newest first: each entry, its effect, the balance after it. Tap to open. */
export function Timeline({
  entries,
  notes,
  saleItems,
  writeOffs,
  customerId,
}: {
  entries: TimelineEntry[];
  notes: Map<string, string | null>;
  /** Each sale's items, by its id: read with the entries, not once per row. */
  saleItems: Map<string, SaleItem[]>;
  /** Repayments that are write-offs: named so, not counted as money taken. */
  writeOffs: ReadonlySet<string>;
  /** Whose history: their reminders show in it too, each in its place in time. */
  customerId?: string;
}) {
  const { t } = useLocale();
  const reminders = useRead(
    `reminders:${customerId ?? ''}`,
    (r) => (customerId ? r.customerReminders(customerId) : Promise.resolve([])),
    ['reminders'],
  );
  if (entries.length === 0 && !reminders?.length)
    return <Text style={styles.empty}>{t('timeline.empty')}</Text>;
  return (
    <View style={styles.list}>
      {newestFirst(entries, reminders ?? []).map((item) =>
        'channel' in item ? (
          <ReminderRow key={`reminder:${item.id}`} reminder={item} />
        ) : (
          <TimelineRow
            key={`${item.kind}:${item.id}`}
            entry={item}
            note={notes.get(item.id) ?? null}
            items={saleItems.get(item.id) ?? []}
            writeOff={writeOffs.has(item.id)}
          />
        ),
      )}
    </View>
  );
}

/** Entries newest first (their own order kept), each reminder (newest first too) before the entries older than it. */
function newestFirst(entries: TimelineEntry[], reminders: Row<'reminders'>[]) {
  const out: (TimelineEntry | Row<'reminders'>)[] = [];
  let next = 0;
  for (const e of [...entries].reverse()) {
    while (next < reminders.length && (reminders[next]?.sentAt ?? '') >= e.at)
      out.push(reminders[next++] as Row<'reminders'>);
    out.push(e);
  }
  return [...out, ...reminders.slice(next)];
}

/** A reminder sent: how, for how much, when. It changes no balance. */
function ReminderRow({ reminder }: { reminder: Row<'reminders'> }) {
  const { t, tag } = useLocale();
  const { money } = useCurrency();
  const title = t('remind.history', { channel: reminder.channel, amount: money(reminder.amount) });
  const when = formatWhen(reminder.sentAt, new Date(), tag);
  return (
    <ListItem
      title={title}
      titleLines={2}
      subtitle={when}
      accessibilityLabel={t('timeline.label', { title, when })}
    />
  );
}

/** One entry; a sale names what was sold ("Sale: bread ×2, milk — Ksh 185.50"), read from its row. */
function TimelineRow({
  entry: e,
  note,
  items,
  writeOff,
}: {
  entry: TimelineEntry;
  note: string | null;
  items: SaleItem[];
  writeOff: boolean;
}) {
  const { t, locale, tag } = useLocale();
  const { money } = useCurrency();
  const router = useRouter();
  const amount = money(e.amount);
  const title =
    items.length > 0
      ? t('phone.history.sale', { items: saleSummary(items, locale), amount })
      : t('timeline.entry', { kind: writeOff ? 'writeOff' : e.kind, amount });
  const when = formatWhen(e.at, new Date(), tag);
  const sign = e.effect > 0 ? '+' : e.effect < 0 ? '−' : '';
  return (
    <ListItem
      title={title}
      subtitle={[when, note].filter(Boolean).join(' · ')}
      accessibilityLabel={t('timeline.label', { title, when })}
      onPress={() => router.push(`${ROUTE[e.kind]}/${e.id}`)}
      right={
        <View style={styles.right}>
          <Text style={[styles.effect, e.effect > 0 ? styles.up : styles.down]}>
            {e.effect === 0 ? t('timeline.paid') : `${sign}${money(Math.abs(e.effect))}`}
          </Text>
          <Text style={styles.after}>{t('timeline.balanceAfter', { amount: money(e.balance) })}</Text>
        </View>
      }
    />
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
