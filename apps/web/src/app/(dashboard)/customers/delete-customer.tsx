'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '~/components/ui/confirm-dialog';
import { useTRPC } from '~/trpc/react';

interface DeleteCustomerProps {
  customer: { id: string; name: string } | null;
  onClose: () => void;
  onDeleted?: () => void;
}

/** Asks, then deletes a customer (a tombstone every device syncs). */
export function DeleteCustomer({ customer, onClose, onDeleted }: DeleteCustomerProps) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.customers.delete.mutationOptions());
  return (
    <ConfirmDialog
      open={customer !== null}
      title="Delete customer?"
      message={`${customer?.name ?? 'This customer'} will be removed from the dashboard and from every device at its next sync. Their debts and payments no longer count towards what is owed.`}
      confirmLabel="Delete customer"
      busy={remove.isPending}
      error={remove.error?.message ?? null}
      onCancel={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() =>
        customer &&
        remove.mutate(
          { id: customer.id },
          {
            onSuccess: () => {
              onClose();
              onDeleted?.();
            },
          },
        )
      }
    />
  );
}
