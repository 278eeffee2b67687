import { parseAmount } from '@storesync/schema';
import { StyleSheet, Text, View } from 'react-native';
import { useCurrency } from '../book/currency';
import { useLocale } from '../i18n/locale';
import { amountError, zeroAmount } from '../ui/amount-text';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { colors, radius, space } from '../ui/theme';

export interface LineDraft {
  key: number;
  name: string;
  quantity: string;
  unitPrice: string;
}

let nextKey = 1;
export const emptyLine = (): LineDraft => ({ key: nextKey++, name: '', quantity: '1', unitPrice: '' });

interface LineItemsProps {
  lines: LineDraft[];
  /** Each line's total in minor units, null while it can't be read. */
  lineTotals: (number | null)[];
  errors: Record<string, string>;
  onChange: (lines: LineDraft[]) => void;
}

/** The sale's lines: item, quantity and unit price, each line's total beside it. */
export function LineItems({ lines, lineTotals, errors, onChange }: LineItemsProps) {
  const { money, currency } = useCurrency();
  const { t, tag } = useLocale();
  const edit = (i: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <View style={styles.list}>
      {lines.map((line, i) => {
        const n = i + 1;
        const total = lineTotals[i] ?? null;
        // The price as understood, or why it can't be read, while typing (as every amount field).
        const price = parseAmount(line.unitPrice, currency, { allowZero: true, locale: tag });
        return (
          <View key={line.key} style={styles.line}>
            <TextField
              label={t('forms.item', { n })}
              value={line.name}
              onChangeText={(name) => edit(i, { name })}
              error={errors[`items.${i}.name`]}
              placeholder={t('forms.itemPlaceholder')}
              maxLength={200}
            />
            <View style={styles.numbers}>
              <View style={styles.qty}>
                <TextField
                  label={t('forms.quantity', { n })}
                  value={line.quantity}
                  onChangeText={(quantity) => edit(i, { quantity })}
                  error={errors[`items.${i}.quantity`]}
                  keyboardType="decimal-pad"
                  inputMode="decimal"
                />
              </View>
              <View style={styles.price}>
                <TextField
                  label={t('forms.unitPrice', { n, currency })}
                  value={line.unitPrice}
                  onChangeText={(unitPrice) => edit(i, { unitPrice })}
                  error={
                    errors[`items.${i}.unitPrice`] ??
                    (!price.ok && line.unitPrice.trim() !== '' ? amountError(t, price) : null)
                  }
                  hint={price.ok ? t('forms.understood', { amount: money(price.minor) }) : null}
                  keyboardType="decimal-pad"
                  inputMode="decimal"
                  placeholder={zeroAmount(tag, currency)}
                />
              </View>
            </View>
            <View style={styles.footer}>
              <Text style={styles.lineTotal}>{total === null ? '—' : money(total)}</Text>
              {lines.length > 1 ? (
                <Button
                  compact
                  variant="quiet"
                  label={t('common.remove')}
                  accessibilityLabel={t('forms.removeItem', { n })}
                  onPress={() => onChange(lines.filter((_, j) => j !== i))}
                />
              ) : null}
            </View>
          </View>
        );
      })}
      <Button
        variant="secondary"
        label={t('forms.addItem')}
        onPress={() => onChange([...lines, emptyLine()])}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  list: { gap: space.md },
  line: {
    backgroundColor: colors.surface,
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: radius,
    padding: space.md,
  },
  numbers: { flexDirection: 'row', gap: space.sm },
  qty: { flex: 2 },
  price: { flex: 3 },
  footer: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' },
  lineTotal: { fontSize: 16, fontWeight: '600', color: colors.text },
});
