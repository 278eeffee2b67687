import type { Metadata } from 'next';
import { pageTitle } from '~/i18n/server';
import { SettingsView } from './settings-view';

export const generateMetadata = (): Promise<Metadata> => pageTitle((t) => t('dashboard.nav.settings'));

export default function SettingsPage() {
  return <SettingsView />;
}
