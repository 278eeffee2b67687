import type { CatchUp } from '@storesync/sync-client';
import { StyleSheet, Text, View } from 'react-native';
import { useLocale } from '../i18n/locale';
import { Card } from './layout';
import { colors, space } from './theme';

/** In place of figures while the book arrives: how far it has come, and why no totals yet. */
export function CatchUpCard({ catchUp }: { catchUp: CatchUp }) {
  const { t, alignStart } = useLocale();
  const line =
    catchUp.total !== null
      ? t('catchUp.progress', { done: catchUp.done, total: catchUp.total })
      : catchUp.done > 0
        ? t('catchUp.soFar', { done: catchUp.done })
        : t('catchUp.starting');
  const share = catchUp.total ? Math.min(catchUp.done / catchUp.total, 1) : 0;
  return (
    <Card tone="warn">
      <Text accessibilityRole="progressbar" accessibilityLabel={line} style={[styles.line, alignStart]}>
        {line}
      </Text>
      {catchUp.total ? (
        <View style={styles.track}>
          <View style={[styles.bar, { width: `${Math.round(share * 100)}%` }]} />
        </View>
      ) : null}
      <Text style={[styles.note, alignStart]}>{t('catchUp.note')}</Text>
    </Card>
  );
}

const styles = StyleSheet.create({
  line: { fontSize: 17, fontWeight: '700', color: colors.text },
  track: { height: 8, borderRadius: 4, backgroundColor: colors.border, overflow: 'hidden' },
  bar: { height: 8, backgroundColor: colors.accent },
  note: { fontSize: 14, color: colors.muted, marginTop: space.xs },
});
