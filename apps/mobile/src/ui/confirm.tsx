import { type ReactNode, useCallback, useRef, useState } from 'react';
import { Modal, Platform, StyleSheet, Text, View } from 'react-native';
import { Button } from './button';
import { colors, radius, space } from './theme';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  destructive?: boolean;
}

/**
 * Asks before something that can't be taken back. An in-app dialog rather
 * than `Alert.alert`, which has no buttons in the web build.
 * `ask()` resolves true when the owner confirms.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [open, setOpen] = useState<ConfirmOptions | null>(null);
  const resolveRef = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        resolveRef.current = resolve;
        setOpen(options);
      }),
    [],
  );
  const close = (ok: boolean) => {
    setOpen(null);
    resolveRef.current?.(ok);
    resolveRef.current = null;
  };
  const dialog = (
    <Modal
      transparent
      visible={open !== null}
      // A fade in a browser leaves the screen behind showing through for a moment: none there.
      animationType={Platform.OS === 'web' ? 'none' : 'fade'}
      onRequestClose={() => close(false)}
    >
      <View style={styles.backdrop}>
        <View accessibilityRole="alert" style={styles.dialog}>
          <Text style={styles.title}>{open?.title}</Text>
          <Text style={styles.message}>{open?.message}</Text>
          <View style={styles.actions}>
            <Button label="Cancel" variant="secondary" onPress={() => close(false)} />
            <Button
              label={open?.confirmLabel ?? 'OK'}
              variant={open?.destructive ? 'danger' : 'primary'}
              onPress={() => close(true)}
            />
          </View>
        </View>
      </View>
    </Modal>
  );
  return [dialog, ask];
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
