import type { Row } from '@storesync/sync-client';
import { useLocalSearchParams, useRouter } from 'expo-router';
import type { ReactNode } from 'react';
import { useBook } from '../book/book-provider';
import { useBookRow } from '../book/reads';
import { useFailedDraft } from '../book/use-failed-draft';
import { useT } from '../i18n/locale';
import { DeleteEntry } from '../ui/delete-entry';
import { goBack } from '../ui/go-back';
import { Missing } from '../ui/missing';
import { Splash } from '../ui/splash';
import { DebtForm } from './debt-form';
import { PaymentForm } from './payment-form';
import { SaleForm } from './sale-form';

/** A new debt or repayment belongs to a customer; a sale may be a walk-in's, so it is edited here only. */
type Entry = 'debts' | 'payments';
type Edited = Entry | 'sales';

interface FormProps {
  entity: Entry;
  customer: Row<'customers'>;
  row?: Row<'debts'> | Row<'payments'>;
  draft: Record<string, unknown> | null;
  onDone: () => void;
  footer?: ReactNode;
}

function EntryForm({ entity, row, ...props }: FormProps) {
  return entity === 'debts' ? (
    <DebtForm {...props} row={row as Row<'debts'> | undefined} />
  ) : (
    <PaymentForm {...props} row={row as Row<'payments'> | undefined} />
  );
}

/** Records a new debt or repayment of the customer in the route (`?customerId=`, `?failed=` to fix). */
export function NewEntryScreen({ entity }: { entity: Entry }) {
  const { customerId, failed } = useLocalSearchParams<{ customerId: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const customer = useBookRow('customers', customerId);
  const router = useRouter();
  if (customer === undefined || fix.loading) return <Splash />;
  if (!customer) return <Missing entity="customers" />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  return <EntryForm entity={entity} customer={customer} draft={fix.draft} onDone={done} />;
}

/** Corrects or deletes a recorded debt, repayment or sale (`/[entity]/[id]`, `?failed=` to fix). */
export function EditEntryScreen({ entity }: { entity: Edited }) {
  const { id, failed } = useLocalSearchParams<{ id: string; failed?: string }>();
  const fix = useFailedDraft(failed);
  const { book } = useBook();
  const row = useBookRow(entity, id);
  const customer = useBookRow('customers', row?.customerId);
  const router = useRouter();
  const t = useT();
  if (row === undefined || customer === undefined || fix.loading) return <Splash />;
  if (!row) return <Missing entity={entity} />;
  if (entity !== 'sales' && !customer) return <Missing entity="customers" />;
  const done = async () => {
    await fix.resolve();
    goBack(router);
  };
  const remove = async () => {
    await book[entity].delete(row.id);
    goBack(router);
  };
  const footer = (
    <DeleteEntry
      label={t('forms.deleteEntry', { entity })}
      question={t('forms.deleteEntryQuestion', { entity })}
      onDelete={remove}
    />
  );
  if (entity === 'sales' || !customer)
    return <SaleForm row={row as Row<'sales'>} draft={fix.draft} onDone={done} footer={footer} />;
  return (
    <EntryForm
      entity={entity}
      customer={customer}
      row={row as Row<Entry>}
      draft={fix.draft}
      onDone={done}
      footer={footer}
    />
  );
}
