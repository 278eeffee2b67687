import type { Metadata } from 'next';
import { pageTitle } from '~/i18n/server';
import { CustomerView } from './customer-view';

export const generateMetadata = (): Promise<Metadata> => pageTitle((t) => t('dashboard.customer.title'));

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CustomerView id={id} />;
}
