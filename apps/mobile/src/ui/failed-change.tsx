import type { FailedChange } from '@storesync/sync-client';
import { StyleSheet, Text, View } from 'react-native';
import { Button } from './button';
import { formatWhen } from './format';
import { colors, radius, space } from './theme';

/** Entities in the owner's words (a newer server's entity falls back to its wire name). */
const ENTITY: Record<string, string> = {
  customers: 'customer',
  debts: 'debt',
  payments: 'repayment',
  sales: 'sale',
  settings: 'store setting',
};

/**
 * Where the owner fixes the change: the row's form, started from the refused values
 * (a refused create has no row: the new-row form, prefilled).
 */
export function fixRoute(c: FailedChange, rowExists: boolean): string {
  const failed = `failed=${c.id}`;
  const customerId = typeof c.payload?.customerId === 'string' ? c.payload.customerId : '';
  if (c.entity === 'customers')
    return rowExists ? `/customers/${c.entityId}/edit?${failed}` : `/customers/new?${failed}`;
  if (rowExists) return `/${c.entity}/${c.entityId}?${failed}`;
  return `/${c.entity}/new?customerId=${customerId}&${failed}`;
}

/** The server's reason without its code: `INVALID_PAYLOAD: name: Too long` → `name: Too long`. */
const reasonText = (reason: string) => reason.replace(/^[A-Z_]+: /, '');

const fieldsText = (payload: Record<string, unknown> | null) =>
  payload
    ? Object.entries(payload)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v.slice(0, 40) : JSON.stringify(v)?.slice(0, 40)}`)
        .join(', ')
    : '';

/** One change the server refused: what it was, why, and what the owner can do. */
export function FailedChangeCard({
  change,
  onFix,
  onDiscard,
}: {
  change: FailedChange;
  onFix: () => void;
  onDiscard: () => void;
}) {
  const what = `${change.op === 'delete' ? 'Deleting a' : 'A change to a'} ${ENTITY[change.entity] ?? change.entity}`;
  return (
    <View style={styles.card} accessibilityLabel={`Rejected: ${what}`}>
      <Text style={styles.title}>{`${what} · ${formatWhen(change.clientUpdatedAt)}`}</Text>
      {change.payload ? <Text style={styles.fields}>{fieldsText(change.payload)}</Text> : null}
      <Text style={styles.reason}>{`Refused by the server: ${reasonText(change.reason)}`}</Text>
      <View style={styles.actions}>
        {change.op === 'upsert' ? (
          <Button
            compact
            variant="secondary"
            label="Fix"
            accessibilityLabel="Fix this change"
            onPress={onFix}
          />
        ) : null}
        <Button
          compact
          variant="quietDanger"
          label="Discard"
          accessibilityLabel="Discard this change"
          onPress={onDiscard}
        />
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  card: {
    backgroundColor: colors.dangerSoft,
    borderColor: '#f3c4bf',
    borderWidth: 1,
    borderRadius: radius,
    padding: space.md,
    gap: space.xs,
  },
  title: { fontSize: 15, fontWeight: '700', color: colors.text },
  fields: { fontSize: 14, color: colors.muted },
  reason: { fontSize: 14, color: colors.danger },
  actions: { flexDirection: 'row', gap: space.sm, marginTop: space.xs },
});
