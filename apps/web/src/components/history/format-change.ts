import type { I18n } from '~/i18n/format';

const FIELDS = [
  'name',
  'phone',
  'note',
  'amount',
  'dueDate',
  'paidAt',
  'soldAt',
  'paidAmount',
  'total',
  'items',
  'customerId',
  'debtId',
] as const;
type Field = (typeof FIELDS)[number];
const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f);

const MONEY = new Set(['amount', 'paidAmount', 'total']);
const INSTANT = new Set(['paidAt', 'soldAt']);

/** How the history names a field, as a shop owner would, in the page's language. */
export const fieldLabel = (i18n: I18n, field: string) =>
  isField(field) ? i18n.t(`dashboard.history.field.${field}`) : field;

/** A field's value as the history shows it; `money` formats minor units in the store's currency. */
export function formatValue(
  i18n: I18n,
  field: string,
  value: unknown,
  money: (minor: number) => string,
): string {
  if (value === null || value === undefined || value === '') return i18n.t('dashboard.states.none');
  if (MONEY.has(field) && typeof value === 'number') return money(value);
  if (field === 'dueDate' && typeof value === 'string') return i18n.calendarDay(value);
  if (INSTANT.has(field) && typeof value === 'string') return i18n.dateTime(value);
  if (field === 'items' && Array.isArray(value)) {
    return value
      .map((i: { quantity?: unknown; name?: unknown }) =>
        i18n.t('dashboard.timeline.items', { quantity: Number(i.quantity), name: String(i.name) }),
      )
      .join(', ');
  }
  // Ids of another row say nothing to the owner: only that it changed.
  if (field === 'customerId' || field === 'debtId') return i18n.t('dashboard.history.another');
  return String(value);
}
