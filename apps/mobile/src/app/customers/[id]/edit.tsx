import { useLocalSearchParams, useRouter } from 'expo-router';
import { useFailedDraft } from '../../../book/use-failed-draft';
import { useLedger } from '../../../book/use-ledger';
import { CustomerForm } from '../../../forms/customer-form';
import { goBack } from '../../../ui/go-back';
import { Missing } from '../../../ui/missing';
import { Splash } from '../../../ui/splash';

export default function EditCustomerScreen() {
  const { id, failed } = useLocalSearchParams<{ id: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger || fix.loading) return <Splash />;
  const customer = ledger.customer(id);
  if (!customer) return <Missing what="customer" />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  return <CustomerForm row={customer} draft={fix.draft} onDone={done} />;
}
