import type { ReminderChannel } from '@storesync/schema';
import { useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useBook } from '../book/book-provider';
import { useLocale } from '../i18n/locale';
import { Button } from '../ui/button';
import { Card, Muted } from '../ui/layout';
import { colors, space } from '../ui/theme';
import type { Reminder } from './compose';
import { sendReminder } from './send';
import { useComposeReminder } from './use-compose';

type State =
  | { step: 'idle' }
  | { step: 'preparing' }
  | { step: 'ready'; reminder: Reminder }
  | { step: 'failed'; error: string };

interface RemindPanelProps {
  customerId: string;
  /** Prepare at once (Remind all overdue) rather than behind a Remind button. */
  open?: boolean;
  /** After a reminder was handed over and recorded. */
  onSent?: (channel: ReminderChannel) => void;
  onClose?: () => void;
}

/**
 * Remind: the message in the customer's language with their statement link (made offline
 * if needed), shown before it goes, then WhatsApp, SMS or the share sheet; each send is a row.
 */
export function RemindPanel({ customerId, open = false, onSent, onClose }: RemindPanelProps) {
  const { book } = useBook();
  const { t, alignStart } = useLocale();
  const compose = useComposeReminder();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  const prepare = () => {
    setState({ step: 'preparing' });
    compose(customerId).then(
      (reminder) => setState({ step: 'ready', reminder }),
      (error: unknown) => setState({ step: 'failed', error: String(error) }),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: prepared once per customer shown.
  useEffect(() => {
    if (open) prepare();
  }, [open, customerId]);

  if (state.step === 'idle')
    return <Button label={t('remind.remind')} variant="secondary" onPress={prepare} />;
  if (state.step === 'preparing') return <Muted>{t('remind.preparing')}</Muted>;
  if (state.step === 'failed')
    return (
      <Card tone="warn">
        <Text style={styles.error}>{state.error}</Text>
        <Button compact variant="secondary" label={t('common.tryAgain')} onPress={prepare} />
      </Card>
    );
  const { reminder } = state;
  const send = async (channel: ReminderChannel) => {
    setBusy(true);
    try {
      const sent = await sendReminder(book, reminder, channel);
      if (sent) {
        setState({ step: 'idle' });
        onSent?.(channel);
      }
    } catch (error) {
      setState({ step: 'failed', error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setState({ step: 'idle' });
    onClose?.();
  };
  return (
    <Card>
      <Text style={[styles.title, alignStart]}>
        {t('remind.remindTitle', { name: reminder.customer.name })}
      </Text>
      <Text style={styles.message} accessibilityLabel={reminder.text} selectable>
        {reminder.text}
      </Text>
      <View style={styles.actions}>
        {reminder.e164 ? (
          <>
            <Button label={t('remind.whatsapp')} busy={busy} onPress={() => void send('whatsapp')} />
            <Button
              label={t('remind.sms')}
              variant="secondary"
              busy={busy}
              onPress={() => void send('sms')}
            />
          </>
        ) : (
          <Muted>{t('remind.noPhone', { phone: reminder.customer.phone ?? '—' })}</Muted>
        )}
        <Button
          label={t('remind.share')}
          variant="secondary"
          busy={busy}
          onPress={() => void send('share')}
        />
        <Button compact label={t('remind.close')} variant="quiet" onPress={close} />
      </View>
    </Card>
  );
}

const styles = StyleSheet.create({
  title: { fontSize: 17, fontWeight: '700', color: colors.text },
  message: {
    fontSize: 15,
    color: colors.text,
    backgroundColor: '#dcf8c6',
    padding: space.md,
    borderRadius: 8,
    writingDirection: 'auto',
  },
  actions: { gap: space.sm },
  error: { color: colors.danger },
});
