import type { Metadata } from 'next';
import { pageTitle } from '~/i18n/server';
import { DeletedView } from './deleted-view';

export const generateMetadata = (): Promise<Metadata> => pageTitle((t) => t('dashboard.nav.deleted'));

export default function DeletedPage() {
  return <DeletedView />;
}
