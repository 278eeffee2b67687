import { useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { useBookRow, useRead } from '../book/reads';
import { TextField } from '../ui/text-field';
import { colors, radius, space } from '../ui/theme';

interface CustomerPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}

/** Who bought: a walk-in, or a customer found by name or phone. */
export function CustomerPicker({ value, onChange, error }: CustomerPickerProps) {
  const [query, setQuery] = useState('');
  const search = query.trim();
  // Only the few that match are read: a book of thousands is searched, never listed.
  const found = useRead(`picker:${search}`, (r) =>
    search ? r.customers({ search, order: 'name', limit: 5 }) : Promise.resolve(null),
  );
  const chosen = useBookRow('customers', value);
  if (chosen)
    return (
      <View style={styles.chosen}>
        <Text style={styles.chosenText}>{`Customer: ${chosen.name}`}</Text>
        <Pressable
          accessibilityRole="button"
          accessibilityLabel="Change customer"
          onPress={() => onChange(null)}
        >
          <Text style={styles.link}>Change</Text>
        </Pressable>
      </View>
    );
  const matches = found?.rows.map((r) => r.customer) ?? [];
  return (
    <View>
      <TextField
        label="Customer (leave empty for a walk-in)"
        value={query}
        onChangeText={setQuery}
        placeholder="Search by name or phone"
        error={error}
      />
      {matches.map((c) => (
        <Pressable
          key={c.id}
          accessibilityRole="button"
          accessibilityLabel={`Choose ${c.name}`}
          onPress={() => onChange(c.id)}
          style={styles.match}
        >
          <Text style={styles.matchText}>{c.name}</Text>
          {c.phone ? <Text style={styles.phone}>{c.phone}</Text> : null}
        </Pressable>
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  chosen: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: space.md,
    backgroundColor: colors.accentSoft,
    borderRadius: radius,
  },
  chosenText: { fontSize: 16, fontWeight: '600', color: colors.text },
  link: { color: colors.accent, fontWeight: '600', fontSize: 15 },
  match: {
    padding: space.md,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
    backgroundColor: colors.surface,
  },
  matchText: { fontSize: 16, color: colors.text },
  phone: { fontSize: 13, color: colors.muted },
});
