'use client';

import type { Balance } from '@storesync/schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useFormatMoney } from '~/components/currency';
import { Dialog } from '~/components/ui/dialog';
import { Loading } from '~/components/ui/states';
import { serverMessage } from '~/i18n/errors';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { balanceWords, refusalOf } from './delete-words';

interface DeleteCustomerProps {
  customer: { id: string; name: string } | null;
  onClose: () => void;
  onDeleted?: () => void;
}

/**
 * Asks, then deletes a customer (a tombstone every device syncs). A customer who owes or holds
 * credit cannot simply go: the dialog says how much and offers what a ledger would, settling it
 * first or writing it off and deleting. If the server refuses anyway (a phone recorded more
 * meanwhile), the balance is read again and the refusal says the new amount.
 */
export function DeleteCustomer({ customer, onClose, onDeleted }: DeleteCustomerProps) {
  const trpc = useTRPC();
  const format = useFormatMoney();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const id = customer?.id ?? '';
  const balance = useQuery(trpc.customers.get.queryOptions({ id }, { enabled: customer !== null }));
  const writeOff = useMutation(trpc.customers.writeOff.mutationOptions());
  const remove = useMutation(trpc.customers.delete.mutationOptions());
  const [refused, setRefused] = useState(false);
  // The balance being written off, held while the write-off and the delete run: the refresh
  // after the write-off reads zero, and the dialog must not change under the owner's eyes.
  const [frozen, setFrozen] = useState<Balance | null>(null);
  const busy = writeOff.isPending || remove.isPending;
  const error = writeOff.error ?? remove.error;

  const close = () => {
    writeOff.reset();
    remove.reset();
    setRefused(false);
    setFrozen(null);
    onClose();
  };
  const done = () => {
    close();
    onDeleted?.();
  };
  const fail = (e: { data?: { code?: string } | null }) => {
    const refusal = refusalOf(e);
    setRefused(refusal);
    setFrozen(null);
    if (refusal) void balance.refetch();
  };

  const b = frozen ?? balance.data;
  const net = b ? b.owed - b.credit : 0;
  const name = customer?.name ?? t('dashboard.deleteCustomer.thisCustomer');
  const words = b ? balanceWords(i18n, name, b, format) : null;
  const deleteNow = () => remove.mutate({ id }, { onSuccess: done, onError: fail });
  const writeOffAndDelete = async () => {
    setRefused(false);
    setFrozen(b ?? null);
    try {
      await writeOff.mutateAsync({ id, net });
      await remove.mutateAsync({ id });
      done();
    } catch (e) {
      fail(e as { data?: { code?: string } | null });
    }
  };

  return (
    <Dialog
      open={customer !== null}
      title={t('dashboard.deleteCustomer.title', { name })}
      onClose={close}
      wide
    >
      {balance.isError && !b ? (
        <p className="form-error" role="alert">
          {serverMessage(t, locale, balance.error)}
        </p>
      ) : !b ? (
        <Loading label={t('dashboard.deleteCustomer.checking')} />
      ) : (
        <>
          {refused && words && (
            <p className="form-error" role="alert" data-testid="delete-refused">
              {t('dashboard.deleteCustomer.refused', { now: words.now })}
            </p>
          )}
          {words?.headline && (
            <p className={`delete-balance ${net > 0 ? 'delete-balance--owed' : 'delete-balance--credit'}`}>
              {words.headline}
            </p>
          )}
          <p>{words?.explain}</p>
          {error && !refused && (
            <p className="form-error" role="alert">
              {serverMessage(t, locale, error)}
            </p>
          )}
          <div className="form-actions">
            {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a confirmation */}
            <button type="button" className="button" onClick={close} autoFocus>
              {t('common.cancel')}
            </button>
            {net > 0 && (
              <Link className="button" href={`/customers/${id}?record=payment`} onClick={close}>
                {t('dashboard.deleteCustomer.repaymentFirst')}
              </Link>
            )}
            {net < 0 && (
              <Link className="button" href={`/sales/new?customer=${id}`} onClick={close}>
                {t('dashboard.deleteCustomer.saleFirst')}
              </Link>
            )}
            <button
              type="button"
              className="button button--danger"
              onClick={net === 0 ? deleteNow : writeOffAndDelete}
              disabled={busy}
            >
              {busy
                ? t('dashboard.states.deleting')
                : net === 0
                  ? t('dashboard.deleteCustomer.delete')
                  : t('dashboard.deleteCustomer.writeOffAndDelete')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
