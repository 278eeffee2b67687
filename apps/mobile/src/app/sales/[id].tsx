import { useLocalSearchParams, useRouter } from 'expo-router';
import { useBook } from '../../book/book-provider';
import { useFailedDraft } from '../../book/use-failed-draft';
import { useLedger } from '../../book/use-ledger';
import { SaleForm } from '../../forms/sale-form';
import { DeleteEntry } from '../../ui/delete-entry';
import { goBack } from '../../ui/go-back';
import { Missing } from '../../ui/missing';
import { Splash } from '../../ui/splash';

export default function EditSaleScreen() {
  const { id, failed } = useLocalSearchParams<{ id: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const { book } = useBook();
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger || fix.loading) return <Splash />;
  const row = ledger.sales.find((s) => s.id === id);
  if (!row) return <Missing what="sale" />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  const remove = async () => {
    await book.sales.delete(row.id);
    goBack(router);
  };
  return (
    <SaleForm
      row={row}
      draft={fix.draft}
      onDone={done}
      footer={<DeleteEntry label="Delete sale" question="Delete this sale?" onDelete={remove} />}
    />
  );
}
