import { type ReactNode, useCallback, useRef, useState } from 'react';
import { Modal, Platform, StyleSheet, Text, View } from 'react-native';
import { useLocale } from '../i18n/locale';
import { Button } from './button';
import { colors, radius, space } from './theme';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  destructive?: boolean;
  /** A second way forward (say, "Record a repayment first"), offered above Cancel. */
  otherLabel?: string;
}

export type Choice = 'confirm' | 'other' | 'cancel';

/**
 * Asks before something that can't be taken back. An in-app dialog rather
 * than `Alert.alert`, which has no buttons in the web build.
 * `ask()` resolves true when the owner confirms; `choose()` tells which
 * button of three (with `otherLabel`) was pressed.
 */
export function useConfirm(): [
  ReactNode,
  (options: ConfirmOptions) => Promise<boolean>,
  (options: ConfirmOptions) => Promise<Choice>,
] {
  const { t, alignStart } = useLocale();
  const [open, setOpen] = useState<ConfirmOptions | null>(null);
  const resolveRef = useRef<((choice: Choice) => void) | null>(null);
  const choose = useCallback(
    (options: ConfirmOptions) =>
      new Promise<Choice>((resolve) => {
        resolveRef.current = resolve;
        setOpen(options);
      }),
    [],
  );
  const ask = useCallback(async (options: ConfirmOptions) => (await choose(options)) === 'confirm', [choose]);
  const close = (choice: Choice) => {
    setOpen(null);
    resolveRef.current?.(choice);
    resolveRef.current = null;
  };
  const dialog = (
    <Modal
      transparent
      visible={open !== null}
      // A fade in a browser leaves the screen behind showing through for a moment: none there.
      animationType={Platform.OS === 'web' ? 'none' : 'fade'}
      onRequestClose={() => close('cancel')}
    >
      <View style={styles.backdrop}>
        <View accessibilityRole="alert" style={styles.dialog}>
          <Text style={[styles.title, alignStart]}>{open?.title}</Text>
          <Text style={[styles.message, alignStart]}>{open?.message}</Text>
          <View style={styles.actions}>
            <Button
              label={open?.confirmLabel ?? t('common.ok')}
              variant={open?.destructive ? 'danger' : 'primary'}
              onPress={() => close('confirm')}
            />
            {open?.otherLabel ? (
              <Button label={open.otherLabel} variant="secondary" onPress={() => close('other')} />
            ) : null}
            <Button label={t('common.cancel')} variant="secondary" onPress={() => close('cancel')} />
          </View>
        </View>
      </View>
    </Modal>
  );
  return [dialog, ask, choose];
}

const styles = StyleSheet.create({
  backdrop: {
    flex: 1,
    backgroundColor: 'rgba(28,27,24,0.45)',
    justifyContent: 'center',
    padding: space.xl,
  },
  dialog: { backgroundColor: colors.surface, borderRadius: radius, padding: space.xl, gap: space.md },
  title: { fontSize: 18, fontWeight: '700', color: colors.text },
  message: { fontSize: 16, color: colors.text, lineHeight: 22 },
  actions: { gap: space.sm, marginTop: space.sm },
});
