import { reloadAppAsync } from 'expo';
import { I18nManager } from 'react-native';

/**
 * The layout's direction on a phone: React Native reads `I18nManager`'s setting at launch, so a
 * change of direction takes effect after a restart. Returns whether one is needed.
 */
export function setLayoutDirection(dir: 'ltr' | 'rtl', _lang?: string): boolean {
  const rtl = dir === 'rtl';
  if (I18nManager.isRTL === rtl) return false;
  I18nManager.allowRTL(rtl);
  I18nManager.forceRTL(rtl);
  return true;
}

/** Restarts the app: everything recorded is in the book's database, unsent changes too. */
export const restartApp = () => reloadAppAsync('layout direction changed');
