import { calendarDay, dateTime } from '~/lib/dates';

/** How the history names a field, as a shop owner would. */
const LABEL: Record<string, string> = {
  name: 'name',
  phone: 'phone',
  note: 'note',
  amount: 'amount',
  dueDate: 'due date',
  paidAt: 'paid at',
  soldAt: 'sold at',
  paidAmount: 'paid',
  total: 'total',
  items: 'items',
  customerId: 'customer',
  debtId: 'debt',
};

const MONEY = new Set(['amount', 'paidAmount', 'total']);
const INSTANT = new Set(['paidAt', 'soldAt']);

export const fieldLabel = (field: string) => LABEL[field] ?? field;

/** A field's value as the history shows it; `money` formats minor units in the store's currency. */
export function formatValue(field: string, value: unknown, money: (minor: number) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY.has(field) && typeof value === 'number') return money(value);
  if (field === 'dueDate' && typeof value === 'string') return calendarDay(value);
  if (INSTANT.has(field) && typeof value === 'string') return dateTime(value);
  if (field === 'items' && Array.isArray(value)) {
    return value
      .map((i: { quantity?: unknown; name?: unknown }) => `${String(i.quantity)} × ${String(i.name)}`)
      .join(', ');
  }
  // Ids of another row say nothing to the owner: only that it changed.
  if (field === 'customerId' || field === 'debtId') return 'another';
  return String(value);
}
