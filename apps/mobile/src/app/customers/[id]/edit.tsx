import { useLocalSearchParams, useRouter } from 'expo-router';
import { useBookRow } from '../../../book/reads';
import { useFailedDraft } from '../../../book/use-failed-draft';
import { CustomerForm } from '../../../forms/customer-form';
import { goBack } from '../../../ui/go-back';
import { Missing } from '../../../ui/missing';
import { Splash } from '../../../ui/splash';

export default function EditCustomerScreen() {
  const { id, failed } = useLocalSearchParams<{ id: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const customer = useBookRow('customers', id);
  const router = useRouter();
  if (customer === undefined || fix.loading) return <Splash />;
  if (!customer) return <Missing entity="customers" />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  return <CustomerForm row={customer} draft={fix.draft} onDone={done} />;
}
