import { useLocalSearchParams, useRouter } from 'expo-router';
import { useLedger } from '../../book/use-ledger';
import { PaymentForm } from '../../forms/payment-form';
import { Missing } from '../../ui/missing';
import { Splash } from '../../ui/splash';

export default function NewPaymentScreen() {
  const { customerId } = useLocalSearchParams<{ customerId: string }>();
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger) return <Splash />;
  const customer = ledger.customer(customerId);
  if (!customer) return <Missing what="customer" />;
  return <PaymentForm customer={customer} onDone={() => router.back()} />;
}
