import { smsUrl, whatsappUrl } from '@storesync/i18n';
import type { ReminderChannel } from '@storesync/schema';
import type { SyncClient } from '@storesync/sync-client';
import { Linking, Share } from 'react-native';
import type { Reminder } from './compose';

/**
 * Hands the message to WhatsApp, the SMS app or the share sheet (no API sends WhatsApp
 * messages for a shop without WhatsApp Business: the owner presses send there), then records
 * the reminder as a synced row. False when the owner dismissed the share sheet.
 */
export async function sendReminder(
  book: SyncClient,
  reminder: Reminder,
  channel: ReminderChannel,
): Promise<boolean> {
  if (channel === 'share') {
    const result = await Share.share({ message: reminder.text });
    if (result.action === Share.dismissedAction) return false;
  } else {
    if (!reminder.e164) throw new Error('No phone number to send to');
    await Linking.openURL(
      channel === 'whatsapp'
        ? whatsappUrl(reminder.e164, reminder.text)
        : smsUrl(reminder.e164, reminder.text),
    );
  }
  await book.reminders.create({
    customerId: reminder.customer.id,
    channel,
    amount: reminder.amount,
    linkId: reminder.linkId,
    sentAt: new Date().toISOString(),
  });
  return true;
}
