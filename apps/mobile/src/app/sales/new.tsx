import { useLocalSearchParams, useRouter } from 'expo-router';
import { useFailedDraft } from '../../book/use-failed-draft';
import { SaleForm } from '../../forms/sale-form';
import { goBack } from '../../ui/go-back';
import { Splash } from '../../ui/splash';

export default function NewSaleScreen() {
  const { customerId, failed } = useLocalSearchParams<{ customerId?: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const router = useRouter();
  if (fix.loading) return <Splash />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  return <SaleForm customerId={customerId || undefined} draft={fix.draft} onDone={done} />;
}
