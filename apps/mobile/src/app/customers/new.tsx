import { useLocalSearchParams, useRouter } from 'expo-router';
import { useFailedDraft } from '../../book/use-failed-draft';
import { CustomerForm } from '../../forms/customer-form';
import { Splash } from '../../ui/splash';

export default function NewCustomerScreen() {
  const { failed } = useLocalSearchParams<{ failed?: string }>();
  const fix = useFailedDraft(failed);
  const router = useRouter();
  if (fix.loading) return <Splash />;
  const done = async (id: string) => {
    await fix.resolve();
    router.replace(`/customers/${id}`);
  };
  return <CustomerForm draft={fix.draft} onDone={done} />;
}
