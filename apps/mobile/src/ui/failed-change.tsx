import type { FailedChange } from '@storesync/sync-client';
import { StyleSheet, Text, View } from 'react-native';
import { Button } from './button';
import { formatWhen } from './format';
import { colors, radius, space } from './theme';

const ENTITY = { customers: 'customer', debts: 'debt', payments: 'repayment', sales: 'sale' } as const;

/** Where the owner fixes the row a rejected change was about. */
export const fixRoute = (c: FailedChange) =>
  c.entity === 'customers' ? `/customers/${c.entityId}/edit` : `/${c.entity}/${c.entityId}`;

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
  const what = `${change.op === 'delete' ? 'Deleting a' : 'A change to a'} ${ENTITY[change.entity]}`;
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
