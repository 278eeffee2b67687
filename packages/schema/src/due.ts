// When a debt is overdue: one rule for the server's reports, the dashboard and the phone app.
// Repayments settle the debts already due first, earliest due date first (what a shop
// would ask for first); a debt is overdue while its due date has passed and repayments
// have not covered it. Unpaid sales and debts without a due date are never overdue.

/** A debt as the rule needs it; `dueDate` is a calendar day `YYYY-MM-DD`. */
export interface DueDebt {
  id: string;
  amount: number;
  dueDate: string | null;
}

/** Whether a due date has passed on `today` (both `YYYY-MM-DD`): the day after it, not on it. */
export const isPastDue = (dueDate: string | null, today: string): boolean =>
  dueDate !== null && dueDate < today;

/** What is overdue from the sum of past-due debts and of all repayments: the first less the second, if more. */
export const overdueAmount = (pastDue: number, payments: number): number => Math.max(pastDue - payments, 0);

/**
 * A customer's overdue debts on `today`: past-due debts in order of due date (then id) are
 * settled by `payments` in turn; each one not fully settled is overdue by what is left of it.
 * The parts add up to `overdueAmount` of the past-due sum.
 */
export function overdueDebts(
  debts: readonly DueDebt[],
  payments: number,
  today: string,
): { total: number; byDebt: Map<string, number> } {
  const due = debts
    .filter((d) => isPastDue(d.dueDate, today))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.id.localeCompare(b.id));
  const byDebt = new Map<string, number>();
  let left = payments;
  for (const d of due) {
    const settled = Math.min(left, d.amount);
    left -= settled;
    if (d.amount > settled) byDebt.set(d.id, d.amount - settled);
  }
  const total = overdueAmount(
    due.reduce((sum, d) => sum + d.amount, 0),
    payments,
  );
  return { total, byDebt };
}

/** The calendar day `YYYY-MM-DD` of an instant in an IANA time zone: "today" is the owner's day. */
export function dayIn(timeZone: string, instant: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
