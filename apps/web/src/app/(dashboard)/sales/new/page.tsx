import type { Metadata } from 'next';
import { NewSaleView } from './new-sale-view';

export const metadata: Metadata = { title: 'New sale · StoreSync' };

/** `?customer=<id>` preselects the buyer, for the customer page's "Record sale". */
export default async function NewSalePage({
  searchParams,
}: {
  searchParams: Promise<{ customer?: string }>;
}) {
  const { customer } = await searchParams;
  return <NewSaleView customerId={customer} />;
}
