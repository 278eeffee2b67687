import type { AppRouter } from '@storesync/api';
import type { T } from '@storesync/i18n';
import type { inferRouterOutputs } from '@trpc/server';

export type Device = inferRouterOutputs<AppRouter>['auth']['devices'][number];

/**
 * What the devices list calls a device: a phone by the name it gave, a browser
 * by its product names in the reader's words (`Chrome · Linux` → "Chrome on Linux").
 */
export function deviceLabel(t: T, d: Device): string {
  if (!d.browser) return d.deviceName ?? d.deviceId;
  if (!d.deviceName) return t('dashboard.settings.aBrowser');
  const [browser = '', os] = d.deviceName.split(' · ');
  return os ? t('dashboard.settings.browserOn', { browser, os }) : browser;
}
