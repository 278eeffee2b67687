'use client';

import Link from 'next/link';
import { Money, useFormatMoney } from '~/components/currency';
import type { CustomerFormValues } from '~/components/forms/customer-form';
import { Empty } from '~/components/ui/states';
import { useI18n } from '~/i18n/provider';

export interface Sort {
  by: 'name' | 'balance';
  order: 'asc' | 'desc';
}

interface Row extends CustomerFormValues {
  owed: number;
  credit: number;
}

interface CustomerTableProps {
  rows: Row[];
  searching: boolean;
  sort: Sort;
  onSort: (sort: Sort) => void;
  onEdit: (customer: Row) => void;
  onDelete: (customer: Row) => void;
  onAdd: () => void;
}

/**
 * Customers as a table; the column headers sort it (balance: who owes most first on the first
 * click, customers with credit last). Credit shows as such, never as a negative balance.
 */
export function CustomerTable({
  rows,
  searching,
  sort,
  onSort,
  onEdit,
  onDelete,
  onAdd,
}: CustomerTableProps) {
  const { t, isolate } = useI18n();
  const format = useFormatMoney();
  if (rows.length === 0) {
    return searching ? (
      <Empty title={t('dashboard.customers.noMatch')} />
    ) : (
      <Empty title={t('dashboard.customers.none')}>
        <button type="button" className="button button--primary" onClick={onAdd}>
          {t('dashboard.customers.addFirst')}
        </button>
      </Empty>
    );
  }
  const header = (by: Sort['by'], label: string, first: Sort['order']) => {
    const active = sort.by === by;
    const next = active ? (sort.order === 'asc' ? 'desc' : 'asc') : first;
    return (
      <th scope="col" aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => onSort({ by, order: next })}>
          {label}
          <span aria-hidden="true">{active ? (sort.order === 'asc' ? ' ↑' : ' ↓') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <table className="table customer-table">
      <thead>
        <tr>
          {header('name', t('dashboard.customers.name'), 'asc')}
          <th scope="col">{t('dashboard.customers.phone')}</th>
          {header('balance', t('dashboard.customers.balance'), 'desc')}
          <th scope="col">
            <span className="visually-hidden">{t('dashboard.customers.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td data-label={t('dashboard.customers.name')}>
              <Link href={`/customers/${c.id}`} className="strong-link" dir="auto">
                {c.name}
              </Link>
            </td>
            <td data-label={t('dashboard.customers.phone')}>
              {c.phone ? (
                <bdi dir="ltr">{c.phone}</bdi>
              ) : (
                <span className="muted">{t('dashboard.states.none')}</span>
              )}
            </td>
            <td data-label={t('dashboard.customers.balance')} className="num">
              {c.credit > 0 ? (
                <span className="money--credit">
                  {t('dashboard.customers.credit', { amount: isolate(format(c.credit)) })}
                </span>
              ) : (
                <Money value={c.owed} className={c.owed > 0 ? 'money--owed' : undefined} />
              )}
            </td>
            <td className="row-actions">
              <button type="button" className="button button--small" onClick={() => onEdit(c)}>
                {t('dashboard.customers.edit')}
                <span className="visually-hidden"> {c.name}</span>
              </button>
              <button
                type="button"
                className="button button--small button--quiet-danger"
                onClick={() => onDelete(c)}
              >
                {t('dashboard.customers.delete')}
                <span className="visually-hidden"> {c.name}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
