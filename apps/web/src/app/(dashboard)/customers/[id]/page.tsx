import type { Metadata } from 'next';
import { CustomerView } from './customer-view';

export const metadata: Metadata = { title: 'Customer · StoreSync' };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CustomerView id={id} />;
}
