import { useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { useBookRow, useRead } from '../book/reads';
import { useLocale } from '../i18n/locale';
import { TextField } from '../ui/text-field';
import { colors, radius, space } from '../ui/theme';

interface CustomerPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}

/** How many recent customers are offered before anything is typed. */
const RECENT = 5;

/** Who bought: a walk-in, or a customer found by name or phone; the latest customers first. */
export function CustomerPicker({ value, onChange, error }: CustomerPickerProps) {
  const { t, alignStart } = useLocale();
  const [query, setQuery] = useState('');
  const search = query.trim();
  // Only the few that match are read: a book of thousands is searched, never listed. With nothing
  // typed, the customers with the latest entries (the ones at the counter again).
  const chosen = useBookRow('customers', value);
  // Nothing to offer once a customer is chosen: no read at every change of the book.
  const found = useRead(chosen ? 'picker:chosen' : `picker:${search}`, async (r) =>
    chosen
      ? []
      : search
        ? (await r.customers({ search, order: 'name', limit: 5 })).rows.map((c) => c.customer)
        : r.recentCustomers(RECENT),
  );
  if (chosen)
    return (
      <View style={styles.chosen}>
        <Text style={styles.chosenText}>{t('forms.pickedCustomer', { name: chosen.name })}</Text>
        <Pressable
          accessibilityRole="button"
          accessibilityLabel={t('forms.changeCustomer')}
          onPress={() => onChange(null)}
        >
          <Text style={styles.link}>{t('common.change')}</Text>
        </Pressable>
      </View>
    );
  const matches = found ?? [];
  return (
    <View>
      <TextField
        label={t('forms.pickerLabel')}
        value={query}
        onChangeText={setQuery}
        placeholder={t('forms.pickerPlaceholder')}
        error={error}
      />
      {!search && matches.length > 0 ? (
        <Text style={[styles.recent, alignStart]}>{t('phone.picker.recent')}</Text>
      ) : null}
      {matches.map((c) => (
        <Pressable
          key={c.id}
          accessibilityRole="button"
          accessibilityLabel={t('forms.chooseCustomer', { name: c.name })}
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
  recent: { fontSize: 13, fontWeight: '600', color: colors.muted, marginTop: space.sm },
  phone: { fontSize: 13, color: colors.muted },
});
