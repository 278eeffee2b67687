import { useLocalSearchParams, useRouter } from 'expo-router';
import { useBook } from '../../book/book-provider';
import { useLedger } from '../../book/use-ledger';
import { DebtForm } from '../../forms/debt-form';
import { DeleteEntry } from '../../ui/delete-entry';
import { Missing } from '../../ui/missing';
import { Splash } from '../../ui/splash';

export default function EditDebtScreen() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { book } = useBook();
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger) return <Splash />;
  const row = ledger.debts.find((d) => d.id === id);
  const customer = row && ledger.customer(row.customerId);
  if (!row || !customer) return <Missing what="debt" />;
  const remove = async () => {
    await book.debts.delete(row.id);
    router.back();
  };
  return (
    <DebtForm
      customer={customer}
      row={row}
      onDone={() => router.back()}
      footer={<DeleteEntry label="Delete debt" question="Delete this debt?" onDelete={remove} />}
    />
  );
}
