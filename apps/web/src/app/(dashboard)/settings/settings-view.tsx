'use client';

import { useI18n } from '~/i18n/provider';
import { DevicesCard } from './devices-card';
import { StoreCard } from './store-card';

/** The store's own settings (name, currency), shared by its devices, and the devices signed in to it. */
export function SettingsView() {
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <h1>{t('dashboard.settings.title')}</h1>
      </div>
      <StoreCard />
      <DevicesCard />
    </>
  );
}
