import type { SaleListRow } from '@storesync/sync-client';
import { type ReactElement, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useCurrency } from '../book/currency';
import { useRead } from '../book/reads';
import { useRefresh } from '../book/use-refresh';
import { useLocale } from '../i18n/locale';
import { formatTime } from './format';
import { Muted } from './layout';
import { ListItem } from './list-item';
import { LongList, PAGE } from './long-list';
import { saleSummary } from './sale-summary';
import { TextField } from './text-field';
import { colors, space } from './theme';

/** A row of the list: a day's heading, or a sale under it. */
type Line = { day: string; label: string } | SaleListRow;

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/** The sales of the page under their days (the phone's calendar days), newest first. */
function byDay(rows: readonly SaleListRow[], label: (at: Date) => string): Line[] {
  const lines: Line[] = [];
  let last = '';
  for (const row of rows) {
    const at = new Date(row.sale.soldAt);
    const day = dayKey(at);
    if (day !== last) lines.push({ day, label: label(at) });
    last = day;
    lines.push(row);
  }
  return lines;
}

/**
 * Today's sales and earlier days', newest first, searchable by item or customer. Reads one page
 * at a time down the book's sales (book.reads.sales), never the whole book.
 */
export function SalesList({ header, onOpen }: { header?: ReactElement; onOpen: (saleId: string) => void }) {
  const { t, locale, tag } = useLocale();
  const { money } = useCurrency();
  const refresh = useRefresh();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const search = query.trim();
  const page = useRead(`sales:${limit}:${search}`, (r) => r.sales({ search, limit }));
  // The last answer stays on screen while the next one (a keystroke, a longer page) is read.
  const [shown, setShown] = useState(page);
  if (page && page !== shown) setShown(page);
  const now = new Date();
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const dayLabel = (at: Date) =>
    dayKey(at) === dayKey(now)
      ? t('phone.sales.today')
      : dayKey(at) === dayKey(yesterday)
        ? t('phone.sales.yesterday')
        : at.toLocaleDateString(tag, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const lines = byDay(shown ?? [], dayLabel);
  return (
    <LongList
      {...refresh}
      rows={lines}
      keyOf={(line) => ('day' in line ? `day:${line.day}` : line.sale.id)}
      header={
        <>
          {header}
          <TextField
            label={t('phone.sales.search')}
            value={query}
            onChangeText={(text) => {
              setQuery(text);
              setLimit(PAGE);
            }}
            placeholder={t('phone.sales.searchPlaceholder')}
          />
        </>
      }
      empty={
        shown ? (
          <Muted>{search ? t('phone.sales.noMatch', { search }) : t('phone.sales.none')}</Muted>
        ) : (
          <View />
        )
      }
      onEndReached={() => shown && shown.length >= limit && setLimit(limit + PAGE)}
      renderRow={(line) => {
        if ('day' in line)
          return (
            <Text accessibilityRole="header" style={styles.day}>
              {line.label}
            </Text>
          );
        const { sale, customerName } = line;
        const items = saleSummary(sale.items, locale);
        const amount = money(sale.total);
        const time = formatTime(sale.soldAt, tag);
        const owed = sale.total - sale.paidAmount;
        return (
          <ListItem
            title={items}
            subtitle={`${customerName ?? t('phone.sales.walkIn')} · ${time}`}
            accessibilityLabel={t('phone.sales.rowLabel', { items, amount, when: time })}
            onPress={() => onOpen(sale.id)}
            right={
              <View style={styles.right}>
                <Text style={styles.total}>{amount}</Text>
                {owed > 0 ? (
                  <Text style={styles.owed}>{t('phone.sales.unpaid', { amount: money(owed) })}</Text>
                ) : null}
              </View>
            }
          />
        );
      }}
    />
  );
}

const styles = StyleSheet.create({
  day: {
    paddingHorizontal: space.md,
    paddingVertical: space.sm,
    backgroundColor: colors.bg,
    color: colors.muted,
    fontSize: 13,
    fontWeight: '700',
  },
  right: { alignItems: 'flex-end' },
  total: { fontSize: 15, fontWeight: '700', color: colors.text },
  owed: { fontSize: 12, color: colors.owed },
});
