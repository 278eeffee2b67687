'use client';

import { DevicesCard } from './devices-card';
import { StoreCard } from './store-card';

/** The store's own settings (name, currency), shared by its devices, and the devices signed in to it. */
export function SettingsView() {
  return (
    <>
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <StoreCard />
      <DevicesCard />
    </>
  );
}
