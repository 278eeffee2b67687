import { useLocalSearchParams, useRouter } from 'expo-router';
import { useBook } from '../../book/book-provider';
import { useFailedDraft } from '../../book/use-failed-draft';
import { useLedger } from '../../book/use-ledger';
import { DebtForm } from '../../forms/debt-form';
import { DeleteEntry } from '../../ui/delete-entry';
import { goBack } from '../../ui/go-back';
import { Missing } from '../../ui/missing';
import { Splash } from '../../ui/splash';

export default function EditDebtScreen() {
  const { id, failed } = useLocalSearchParams<{ id: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const { book } = useBook();
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger || fix.loading) return <Splash />;
  const row = ledger.debts.find((d) => d.id === id);
  const customer = row && ledger.customer(row.customerId);
  if (!row || !customer) return <Missing what="debt" />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  const remove = async () => {
    await book.debts.delete(row.id);
    goBack(router);
  };
  return (
    <DebtForm
      customer={customer}
      row={row}
      draft={fix.draft}
      onDone={done}
      footer={<DeleteEntry label="Delete debt" question="Delete this debt?" onDelete={remove} />}
    />
  );
}
