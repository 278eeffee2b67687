import { useRouter } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import { useCatchUp, useRead } from '../../book/reads';
import { useRefresh } from '../../book/use-refresh';
import { useT } from '../../i18n/locale';
import { useRemindedAgo } from '../../remind/reminded-ago';
import { BalanceText } from '../../ui/balance-text';
import { Button } from '../../ui/button';
import { CatchUpCard } from '../../ui/catch-up';
import { Muted, Row } from '../../ui/layout';
import { ListItem } from '../../ui/list-item';
import { LongList, PAGE } from '../../ui/long-list';
import { TextField } from '../../ui/text-field';

/** Every customer with what they owe; search by name or phone. Reads one page at a time. */
export default function CustomersScreen() {
  const router = useRouter();
  const refresh = useRefresh();
  const catchUp = useCatchUp();
  const t = useT();
  const [query, setQuery] = useState('');
  const [byOwed, setByOwed] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const search = query.trim();
  const order = byOwed ? 'owed' : 'name';
  const page = useRead(`customers:${order}:${limit}:${search}`, (r) => r.customers({ search, order, limit }));
  // The last answer stays on screen while the next one (a keystroke, a longer page) is read.
  const [shown, setShown] = useState(page);
  if (page && page !== shown) setShown(page);
  const rows = shown?.rows ?? [];
  const ids = rows.map((r) => r.customer.id);
  const reminded = useRead(`lastReminded:${ids.join(',')}`, (r) => r.lastReminded(ids), ['reminders']);
  const ago = useRemindedAgo();
  const header = (
    <>
      {catchUp ? <CatchUpCard catchUp={catchUp} /> : null}
      <TextField
        label={t('customers.search')}
        value={query}
        onChangeText={(text) => {
          setQuery(text);
          setLimit(PAGE);
        }}
        placeholder={t('customers.searchPlaceholder')}
      />
      <Row>
        <View style={styles.grow}>
          <Button label={t('customers.add')} onPress={() => router.push('/customers/new')} />
        </View>
        <Button
          compact
          variant="secondary"
          label={byOwed ? t('customers.sortByOwed') : t('customers.sortByName')}
          accessibilityLabel={t('customers.changeSort')}
          onPress={() => setByOwed(!byOwed)}
        />
      </Row>
      <View style={styles.end}>
        <Button
          compact
          variant="quietDanger"
          label={t('customers.recentlyDeleted')}
          onPress={() => router.push('/deleted')}
        />
      </View>
      {shown && shown.total > 0 ? <Muted>{t('customers.count', { count: shown.total })}</Muted> : null}
    </>
  );
  return (
    <LongList
      {...refresh}
      rows={rows}
      keyOf={(r) => r.customer.id}
      header={header}
      empty={
        shown ? <Muted>{search ? t('customers.noMatch', { search }) : t('customers.none')}</Muted> : <View />
      }
      onEndReached={() => shown && shown.total > rows.length && setLimit(rows.length + PAGE)}
      renderRow={({ customer: c, balance }) => (
        <ListItem
          title={c.name}
          subtitle={[c.phone, ago(reminded?.[c.id])].filter(Boolean).join(' · ')}
          accessibilityLabel={t('customers.rowLabel', { name: c.name })}
          // While the book arrives a balance would be a part of the truth: none is shown.
          right={catchUp ? undefined : <BalanceText balance={balance} />}
          onPress={() => router.push(`/customers/${c.id}`)}
        />
      )}
    />
  );
}

const styles = StyleSheet.create({ grow: { flex: 1 }, end: { alignItems: 'flex-end' } });
