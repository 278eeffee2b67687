import type { T } from '@storesync/i18n';
import { REJECT_CODES, type RejectCode } from '@storesync/schema';
import type { FailedChange } from '@storesync/sync-client';
import { StyleSheet, Text, View } from 'react-native';
import { useLocale } from '../i18n/locale';
import { Button } from './button';
import { formatWhen } from './format';
import { colors, radius, space } from './theme';

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

/**
 * Why the server refused, in the app's language: the reason is `CODE: message` and the catalogue
 * has a message for each code (`errors.CODE`); the server's English is never shown. A code this
 * app does not know (a newer server's) is named.
 */
export function reasonText(t: T, reason: string, entity: string): string {
  const code = /^([A-Z_]+)(?::|$)/.exec(reason)?.[1] ?? '';
  // Not a reject code: the whole change was more than the server takes in one request.
  if (code === 'PAYLOAD_TOO_LARGE') return t('errors.tooLarge');
  if (!(REJECT_CODES as readonly string[]).includes(code)) return t('errors.unknown', { code: code || '?' });
  return t(`errors.${code as RejectCode}`, { entity });
}

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
  const { t, tag, alignStart } = useLocale();
  const entity = change.entity;
  const what =
    change.op === 'delete' ? t('sync.failed.deleting', { entity }) : t('sync.failed.changing', { entity });
  const when = formatWhen(change.clientUpdatedAt, new Date(), tag);
  return (
    <View style={styles.card} accessibilityLabel={t('sync.failed.label', { what })}>
      <Text style={[styles.title, alignStart]}>{t('sync.failed.title', { what, when })}</Text>
      {change.payload ? <Text style={[styles.fields, alignStart]}>{fieldsText(change.payload)}</Text> : null}
      <Text style={[styles.reason, alignStart]}>
        {t('sync.failed.refused', { reason: reasonText(t, change.reason, entity) })}
      </Text>
      <View style={styles.actions}>
        {change.op === 'upsert' ? (
          <Button
            compact
            variant="secondary"
            label={t('sync.failed.fix')}
            accessibilityLabel={t('sync.failed.fixLabel')}
            onPress={onFix}
          />
        ) : null}
        <Button
          compact
          variant="quietDanger"
          label={t('sync.failed.discard')}
          accessibilityLabel={t('sync.failed.discardLabel')}
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
