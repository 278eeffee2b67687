import type { Metadata } from 'next';
import { pageTitle } from '~/i18n/server';
import { CustomersView } from './customers-view';

export const generateMetadata = (): Promise<Metadata> => pageTitle((t) => t('dashboard.nav.customers'));

/** `?new=1` opens the new-customer form, for the overview's shortcut. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const { new: startNew } = await searchParams;
  return <CustomersView startWithNew={startNew === '1'} />;
}
