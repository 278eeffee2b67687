import { useRouter } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import { useLedger } from '../../book/use-ledger';
import { useRefresh } from '../../book/use-refresh';
import { BalanceText } from '../../ui/balance-text';
import { Button } from '../../ui/button';
import { Muted, Row, Screen } from '../../ui/layout';
import { ListItem } from '../../ui/list-item';
import { Splash } from '../../ui/splash';
import { TextField } from '../../ui/text-field';
import { colors } from '../../ui/theme';

/** Every customer with what they owe; search by name or phone. */
export default function CustomersScreen() {
  const ledger = useLedger();
  const router = useRouter();
  const refresh = useRefresh();
  const [query, setQuery] = useState('');
  const [byOwed, setByOwed] = useState(false);
  if (!ledger) return <Splash />;
  const q = query.trim().toLowerCase();
  const shown = ledger.customers
    .filter((c) => !q || c.name.toLowerCase().includes(q) || (c.phone ?? '').includes(q))
    .sort((a, b) =>
      byOwed ? ledger.balance(b.id).owed - ledger.balance(a.id).owed : a.name.localeCompare(b.name),
    );
  return (
    <Screen {...refresh}>
      <TextField label="Search customers" value={query} onChangeText={setQuery} placeholder="Name or phone" />
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
      {shown.length === 0 ? (
        <Muted>{q ? `No customer matches “${query.trim()}”.` : 'No customers yet. Add the first one.'}</Muted>
      ) : (
        <View style={styles.list}>
          {shown.map((c) => (
            <ListItem
              key={c.id}
              title={c.name}
              subtitle={c.phone}
              accessibilityLabel={`Customer ${c.name}`}
              right={<BalanceText balance={ledger.balance(c.id)} />}
              onPress={() => router.push(`/customers/${c.id}`)}
            />
          ))}
        </View>
      )}
    </Screen>
  );
}

const styles = StyleSheet.create({
  grow: { flex: 1 },
  list: { borderRadius: 10, overflow: 'hidden', borderWidth: 1, borderColor: colors.border },
});
