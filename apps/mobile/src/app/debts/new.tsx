import { useLocalSearchParams, useRouter } from 'expo-router';
import { useLedger } from '../../book/use-ledger';
import { DebtForm } from '../../forms/debt-form';
import { Missing } from '../../ui/missing';
import { Splash } from '../../ui/splash';

export default function NewDebtScreen() {
  const { customerId } = useLocalSearchParams<{ customerId: string }>();
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger) return <Splash />;
  const customer = ledger.customer(customerId);
  if (!customer) return <Missing what="customer" />;
  return <DebtForm customer={customer} onDone={() => router.back()} />;
}
