import { useRouter } from 'expo-router';
import { useT } from '../../i18n/locale';
import { Button } from '../../ui/button';
import { SalesList } from '../../ui/sales-list';

/** The Sales tab: record a sale, find one again (today's first, then earlier days), open it. */
export default function SalesScreen() {
  const router = useRouter();
  const t = useT();
  return (
    <SalesList
      header={<Button label={t('phone.sales.newSale')} onPress={() => router.push('/sales/new')} />}
      onOpen={(id) => router.push(`/sales/view/${id}`)}
    />
  );
}
