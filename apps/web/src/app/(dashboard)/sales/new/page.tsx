import type { Metadata } from 'next';
import { pageTitle } from '~/i18n/server';
import { NewSaleView } from './new-sale-view';

export const generateMetadata = (): Promise<Metadata> => pageTitle((t) => t('dashboard.sales.newSale'));

/** `?customer=<id>` preselects the buyer, for the customer page's "Record sale". */
export default async function NewSalePage({
  searchParams,
}: {
  searchParams: Promise<{ customer?: string }>;
}) {
  const { customer } = await searchParams;
  return <NewSaleView customerId={customer} />;
}
