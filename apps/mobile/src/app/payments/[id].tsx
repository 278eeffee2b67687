import { useLocalSearchParams, useRouter } from 'expo-router';
import { useBook } from '../../book/book-provider';
import { useFailedDraft } from '../../book/use-failed-draft';
import { useLedger } from '../../book/use-ledger';
import { PaymentForm } from '../../forms/payment-form';
import { DeleteEntry } from '../../ui/delete-entry';
import { goBack } from '../../ui/go-back';
import { Missing } from '../../ui/missing';
import { Splash } from '../../ui/splash';

export default function EditPaymentScreen() {
  const { id, failed } = useLocalSearchParams<{ id: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const { book } = useBook();
  const ledger = useLedger();
  const router = useRouter();
  if (!ledger || fix.loading) return <Splash />;
  const row = ledger.payments.find((d) => d.id === id);
  const customer = row && ledger.customer(row.customerId);
  if (!row || !customer) return <Missing what="repayment" />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  const remove = async () => {
    await book.payments.delete(row.id);
    goBack(router);
  };
  return (
    <PaymentForm
      customer={customer}
      row={row}
      draft={fix.draft}
      onDone={done}
      footer={<DeleteEntry label="Delete repayment" question="Delete this repayment?" onDelete={remove} />}
    />
  );
}
