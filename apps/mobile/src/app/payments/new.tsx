import { useLocalSearchParams, useRouter } from 'expo-router';
import { useFailedDraft } from '../../book/use-failed-draft';
import { useLedger } from '../../book/use-ledger';
import { PaymentForm } from '../../forms/payment-form';
import { goBack } from '../../ui/go-back';
import { Missing } from '../../ui/missing';
import { Splash } from '../../ui/splash';

export default function NewPaymentScreen() {
  const { customerId, failed } = useLocalSearchParams<{ customerId: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger || fix.loading) return <Splash />;
  const customer = ledger.customer(customerId);
  if (!customer) return <Missing what="customer" />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  return <PaymentForm customer={customer} draft={fix.draft} onDone={done} />;
}
