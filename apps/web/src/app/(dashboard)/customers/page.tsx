import type { Metadata } from 'next';
import { CustomersView } from './customers-view';

export const metadata: Metadata = { title: 'Customers · StoreSync' };

/** `?new=1` opens the new-customer form, for the overview's shortcut. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const { new: startNew } = await searchParams;
  return <CustomersView startWithNew={startNew === '1'} />;
}
