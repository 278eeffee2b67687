import Link from 'next/link';
import { Money } from '~/components/currency';
import type { CustomerFormValues } from '~/components/forms/customer-form';
import { Empty } from '~/components/ui/states';

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
  if (rows.length === 0) {
    return searching ? (
      <Empty title="No customer matches that search" />
    ) : (
      <Empty title="No customers yet">
        <button type="button" className="button button--primary" onClick={onAdd}>
          Add your first customer
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
          {header('name', 'Name', 'asc')}
          <th scope="col">Phone</th>
          {header('balance', 'Balance', 'desc')}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td data-label="Name">
              <Link href={`/customers/${c.id}`} className="strong-link">
                {c.name}
              </Link>
            </td>
            <td data-label="Phone">{c.phone ?? <span className="muted">—</span>}</td>
            <td data-label="Balance" className="num">
              {c.credit > 0 ? (
                <span className="money--credit">
                  Credit <Money value={c.credit} />
                </span>
              ) : (
                <Money value={c.owed} className={c.owed > 0 ? 'money--owed' : undefined} />
              )}
            </td>
            <td className="row-actions">
              <button type="button" className="button button--small" onClick={() => onEdit(c)}>
                Edit<span className="visually-hidden"> {c.name}</span>
              </button>
              <button
                type="button"
                className="button button--small button--quiet-danger"
                onClick={() => onDelete(c)}
              >
                Delete<span className="visually-hidden"> {c.name}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
