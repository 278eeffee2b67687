import { type Entity, saleTotal } from '@storesync/schema';

/** The start of every run's virtual time: fixed, so a replay sees the same clocks. */
export const T0 = Date.parse('2031-01-01T00:00:00.000Z');
/** A well-formed id no store has: a reference to it is rejected NOT_FOUND. */
export const GHOST_ID = 'ffffffff-ffff-4fff-bfff-ffffffffffff';

/** Deterministic UUIDs (version 4 layout) per device, so a replay makes the same ids. */
export function createIds(seed: number, device: number): () => string {
  let n = 0;
  const head = seed.toString(16).padStart(8, '0');
  const dev = device.toString(16).padStart(4, '0');
  return () => `${head}-${dev}-4000-8000-${(n++).toString(16).padStart(12, '0')}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const items = (n: number, s: string) => [{ name: s, quantity: 1 + (n % 3) / 2, unitPrice: n % 1000 }];

/**
 * The fields an edit may touch: never a reference, never every required field. A sale's
 * `items` go with the `total` and `paidAmount` they make (see `saleFigures`), so every sale
 * keeps the server's sale rules whichever device's edit wins.
 */
export const EDITABLE: Record<Entity, string[]> = {
  customers: ['name', 'phone', 'note'],
  debts: ['amount', 'note', 'dueDate'],
  payments: ['amount', 'note', 'paidAt'],
  sales: ['note', 'items'],
  settings: ['currency', 'shopName', 'country', 'language', 'remindDays'],
  links: ['expiresAt'],
  reminders: ['channel', 'amount'],
};
const CURRENCIES = ['KES', 'USD', 'UGX', 'TZS'];
const CHANNELS = ['whatsapp', 'sms', 'share'];
/** A link token per n: 22 base64url characters, as a device's 128 random bits make. */
const token = (n: number) => `tok${n.toString(36)}`.padEnd(22, '_');

export function fieldValue(field: string, n: number, s: string): unknown {
  switch (field) {
    case 'name':
      return s;
    case 'phone':
      return n % 4 ? String(n) : null;
    case 'note':
      return n % 3 ? s : null;
    case 'dueDate':
      return n % 2 ? `2031-0${1 + (n % 9)}-1${n % 10}` : null;
    case 'paidAt':
      return iso(T0 + n * 1000);
    case 'items':
      return items(n, s);
    case 'currency':
      return CURRENCIES[n % CURRENCIES.length];
    case 'shopName':
      return n % 3 ? s : null;
    case 'country':
      return ['KE', 'IN', 'PK', null][n % 4];
    case 'language':
      return ['sw', 'hi', 'ur', 'fr', null][n % 5];
    case 'expiresAt':
      return iso(T0 + 86_400_000 * (1 + (n % 90)));
    case 'channel':
      return CHANNELS[n % CHANNELS.length];
    case 'remindDays':
      return 1 + (n % 30);
    default:
      return n + 1;
  }
}

/**
 * A sale's items with the total they make and a paid amount the sale rules accept: a walk-in
 * sale is paid in full; one on credit sometimes not at all.
 */
export function saleFigures(n: number, s: string, customerId: string | null) {
  const lines = items(n, s);
  const total = saleTotal(lines);
  return { items: lines, total, paidAmount: customerId && n % 2 === 0 ? 0 : total };
}

/** A new row's fields, given the references the world picked. */
export function createValues(
  entity: Entity,
  n: number,
  s: string,
  refs: { customerId: string | null; debtId: string | null },
): Record<string, unknown> {
  const note = n % 3 ? s : null;
  switch (entity) {
    case 'customers':
      return { name: s, phone: n % 4 ? String(n) : null, note, language: fieldValue('language', n, s) };
    case 'debts':
      return { customerId: refs.customerId, amount: n + 1, note, dueDate: fieldValue('dueDate', n, s) };
    case 'payments':
      return { customerId: refs.customerId, debtId: refs.debtId, amount: n + 1, paidAt: iso(T0 + n), note };
    case 'sales':
      return {
        customerId: refs.customerId,
        ...saleFigures(n, s, refs.customerId),
        soldAt: iso(T0 + n),
        note,
      };
    case 'settings':
      return { currency: fieldValue('currency', n, s), shopName: fieldValue('shopName', n, s) };
    case 'links':
      return { customerId: refs.customerId, token: token(n), expiresAt: fieldValue('expiresAt', n, s) };
    case 'reminders':
      return {
        customerId: refs.customerId,
        channel: fieldValue('channel', n, s),
        amount: n,
        linkId: null,
        sentAt: iso(T0 + n),
      };
  }
}
