import { useLocalSearchParams, useRouter } from 'expo-router';
import { useLedger } from '../../../book/use-ledger';
import { CustomerForm } from '../../../forms/customer-form';
import { Missing } from '../../../ui/missing';
import { Splash } from '../../../ui/splash';

export default function EditCustomerScreen() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger) return <Splash />;
  const customer = ledger.customer(id);
  if (!customer) return <Missing what="customer" />;
  return <CustomerForm row={customer} onDone={() => router.back()} />;
}
