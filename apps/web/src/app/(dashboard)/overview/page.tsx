import type { Metadata } from 'next';
import { pageTitle } from '~/i18n/server';
import { OverviewView } from './overview-view';

export const generateMetadata = (): Promise<Metadata> => pageTitle((t) => t('dashboard.nav.overview'));

export default function OverviewPage() {
  return <OverviewView />;
}
