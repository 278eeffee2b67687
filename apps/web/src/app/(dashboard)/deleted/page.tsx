import type { Metadata } from 'next';
import { DeletedView } from './deleted-view';

export const metadata: Metadata = { title: 'Recently deleted · StoreSync' };

export default function DeletedPage() {
  return <DeletedView />;
}
