import { useLocalSearchParams, useRouter } from 'expo-router';
import { useBook } from '../../book/book-provider';
import { useLedger } from '../../book/use-ledger';
import { SaleForm } from '../../forms/sale-form';
import { DeleteEntry } from '../../ui/delete-entry';
import { Missing } from '../../ui/missing';
import { Splash } from '../../ui/splash';

export default function EditSaleScreen() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { book } = useBook();
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger) return <Splash />;
  const row = ledger.sales.find((s) => s.id === id);
  if (!row) return <Missing what="sale" />;
  const remove = async () => {
    await book.sales.delete(row.id);
    router.back();
  };
  return (
    <SaleForm
      row={row}
      onDone={() => router.back()}
      footer={<DeleteEntry label="Delete sale" question="Delete this sale?" onDelete={remove} />}
    />
  );
}
