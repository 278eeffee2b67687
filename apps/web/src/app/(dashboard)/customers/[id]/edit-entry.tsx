'use client';

import type { AppRouter } from '@storesync/api';
import type { Balance } from '@storesync/schema';
import type { inferRouterOutputs } from '@trpc/server';
import { DebtForm } from '~/components/forms/debt-form';
import { PaymentForm } from '~/components/forms/payment-form';
import { SaleForm } from '~/components/forms/sale-form';
import { Dialog } from '~/components/ui/dialog';
import { useI18n } from '~/i18n/provider';

export type Entry = inferRouterOutputs<AppRouter>['customers']['timeline'][number];

/** The customer whose history is shown, with what they owe now. */
export type TimelineCustomer = { id: string; name: string } & Balance;

/** A dialog editing one entry of a customer's history with the form that recorded it. */
export function EditEntry({
  entry,
  customer,
  onClose,
}: {
  entry: Entry | null;
  customer: TimelineCustomer;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const title = entry ? t('dashboard.timeline.editTitle', { kind: entry.kind }) : '';
  return (
    <Dialog open={entry !== null} title={title} onClose={onClose}>
      {entry?.kind === 'debt' && (
        <DebtForm
          key={entry.debt.id}
          customerId={customer.id}
          debt={entry.debt}
          onDone={onClose}
          onCancel={onClose}
        />
      )}
      {entry?.kind === 'payment' && (
        <PaymentForm
          key={entry.payment.id}
          customer={customer}
          balance={customer}
          payment={entry.payment}
          onDone={onClose}
          onCancel={onClose}
        />
      )}
      {entry?.kind === 'sale' && (
        <SaleForm key={entry.sale.id} sale={entry.sale} onDone={onClose} onCancel={onClose} />
      )}
    </Dialog>
  );
}
