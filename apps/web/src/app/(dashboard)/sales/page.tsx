import type { Metadata } from 'next';
import { SalesView } from './sales-view';

export const metadata: Metadata = { title: 'Sales · StoreSync' };

export default function SalesPage() {
  return <SalesView />;
}
