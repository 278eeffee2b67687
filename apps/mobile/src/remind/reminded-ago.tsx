import { useLocale } from '../i18n/locale';

/** "Reminded 3 days ago", in the app's language; null when never reminded. */
export function useRemindedAgo() {
  const { t, format } = useLocale();
  return (sentAt: string | null | undefined, now = new Date()) =>
    sentAt ? t('remind.remindedAgo', { when: format.relativeTime(new Date(sentAt), now) }) : null;
}
