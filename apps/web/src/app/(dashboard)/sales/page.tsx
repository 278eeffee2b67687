import type { Metadata } from 'next';
import { pageTitle } from '~/i18n/server';
import { SalesView } from './sales-view';

export const generateMetadata = (): Promise<Metadata> => pageTitle((t) => t('dashboard.nav.sales'));

export default function SalesPage() {
  return <SalesView />;
}
