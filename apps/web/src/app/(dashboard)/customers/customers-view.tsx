'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useId, useState } from 'react';
import { CustomerForm, type CustomerFormValues } from '~/components/forms/customer-form';
import { Dialog } from '~/components/ui/dialog';
import { LoadMore } from '~/components/ui/load-more';
import { ErrorState, Loading } from '~/components/ui/states';
import { useI18n } from '~/i18n/provider';
import { useTRPC } from '~/trpc/react';
import { CustomerTable, type Sort } from './customer-table';
import { DeleteCustomer } from './delete-customer';

/** The customers: search, sort by name or balance, add, edit and delete. */
export function CustomersView({ startWithNew }: { startWithNew: boolean }) {
  const trpc = useTRPC();
  const { t } = useI18n();
  const router = useRouter();
  const searchId = useId();
  const sortId = useId();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const [sort, setSort] = useState<Sort>({ by: 'name', order: 'asc' });
  const [editing, setEditing] = useState<CustomerFormValues | 'new' | null>(startWithNew ? 'new' : null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const list = useInfiniteQuery(
    trpc.customers.list.infiniteQueryOptions(
      { search: deferredSearch || undefined, sort: sort.by, order: sort.order, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <>
      <div className="page-header">
        <h1>{t('dashboard.nav.customers')}</h1>
        <div className="page-header__actions">
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('dashboard.customers.newCustomer')}
          </button>
        </div>
      </div>
      <div className="toolbar">
        <label htmlFor={searchId} className="visually-hidden">
          {t('dashboard.customers.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="search"
          placeholder={t('dashboard.customers.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div className="sort-select phone-only">
          <label htmlFor={sortId}>{t('dashboard.customers.sort')}</label>
          <select
            id={sortId}
            value={`${sort.by}:${sort.order}`}
            onChange={(e) => {
              const [by, order] = e.target.value.split(':') as [Sort['by'], Sort['order']];
              setSort({ by, order });
            }}
          >
            <option value="name:asc">{t('dashboard.customers.nameAsc')}</option>
            <option value="name:desc">{t('dashboard.customers.nameDesc')}</option>
            <option value="balance:desc">{t('dashboard.customers.balanceDesc')}</option>
            <option value="balance:asc">{t('dashboard.customers.balanceAsc')}</option>
          </select>
        </div>
        {list.data && (
          <span className="muted" aria-live="polite">
            {t('dashboard.customers.count', { count: total })}
          </span>
        )}
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Loading label={t('dashboard.customers.loading')} />
      ) : (
        <CustomerTable
          rows={rows}
          searching={deferredSearch !== ''}
          sort={sort}
          onSort={setSort}
          onEdit={(c) => setEditing(c)}
          onDelete={(c) => setDeleting(c)}
          onAdd={() => setEditing('new')}
        />
      )}
      <LoadMore list={list} label={t('dashboard.states.showMore')} />
      <Dialog
        open={editing !== null}
        title={
          editing === 'new' ? t('dashboard.customers.newCustomer') : t('dashboard.customers.editCustomer')
        }
        onClose={() => setEditing(null)}
      >
        <CustomerForm
          customer={editing === 'new' || editing === null ? undefined : editing}
          onCancel={() => setEditing(null)}
          onDone={(id) => {
            const created = editing === 'new';
            setEditing(null);
            if (created) router.push(`/customers/${id}`);
          }}
        />
      </Dialog>
      <DeleteCustomer customer={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
