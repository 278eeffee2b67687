import { useRouter } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import { useCatchUp, useRead } from '../../book/reads';
import { useRefresh } from '../../book/use-refresh';
import { BalanceText } from '../../ui/balance-text';
import { Button } from '../../ui/button';
import { CatchUpCard } from '../../ui/catch-up';
import { plural } from '../../ui/format';
import { Muted, Row } from '../../ui/layout';
import { ListItem } from '../../ui/list-item';
import { LongList, PAGE } from '../../ui/long-list';
import { TextField } from '../../ui/text-field';

/** Every customer with what they owe; search by name or phone. Reads one page at a time. */
export default function CustomersScreen() {
  const router = useRouter();
  const refresh = useRefresh();
  const catchUp = useCatchUp();
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
  const header = (
    <>
      {catchUp ? <CatchUpCard catchUp={catchUp} /> : null}
      <TextField
        label="Search customers"
        value={query}
        onChangeText={(text) => {
          setQuery(text);
          setLimit(PAGE);
        }}
        placeholder="Name or phone"
      />
      <Row>
        <View style={styles.grow}>
          <Button label="Add customer" onPress={() => router.push('/customers/new')} />
        </View>
        <Button
          compact
          variant="secondary"
          label={byOwed ? 'Sort: most owed' : 'Sort: name'}
          accessibilityLabel="Change sort order"
          onPress={() => setByOwed(!byOwed)}
        />
      </Row>
      <View style={styles.end}>
        <Button
          compact
          variant="quietDanger"
          label="Recently deleted"
          onPress={() => router.push('/deleted')}
        />
      </View>
      {shown && shown.total > 0 ? <Muted>{plural(shown.total, 'customer')}</Muted> : null}
    </>
  );
  return (
    <LongList
      {...refresh}
      rows={rows}
      keyOf={(r) => r.customer.id}
      header={header}
      empty={
        shown ? (
          <Muted>
            {search ? `No customer matches “${search}”.` : 'No customers yet. Add the first one.'}
          </Muted>
        ) : (
          <View />
        )
      }
      onEndReached={() => shown && shown.total > rows.length && setLimit(rows.length + PAGE)}
      renderRow={({ customer: c, balance }) => (
        <ListItem
          title={c.name}
          subtitle={c.phone}
          accessibilityLabel={`Customer ${c.name}`}
          // While the book arrives a balance would be a part of the truth: none is shown.
          right={catchUp ? undefined : <BalanceText balance={balance} />}
          onPress={() => router.push(`/customers/${c.id}`)}
        />
      )}
    />
  );
}

const styles = StyleSheet.create({ grow: { flex: 1 }, end: { alignItems: 'flex-end' } });
