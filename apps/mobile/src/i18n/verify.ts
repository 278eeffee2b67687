import { formatter, LOCALES, translator } from '@storesync/i18n';

/**
 * Proof that @storesync/i18n bundles for Hermes and the web (issue 21): bundled on its own as an
 * entry file (docs/i18n.md), not yet imported by a screen. A plural, a select and a relative time
 * in Urdu, right-to-left.
 */
export function verifyI18n(now = new Date()): string[] {
  const t = translator('ur');
  const ago = new Date(now.getTime() - 3 * 86_400_000);
  return [
    LOCALES.ur.dir,
    t('today.customersOwing', { count: 3 }),
    t('timeline.entry', { kind: 'writeOff', amount: 'Rs 1,500' }),
    formatter('ur', { now }).relativeTime(ago, now),
  ];
}
