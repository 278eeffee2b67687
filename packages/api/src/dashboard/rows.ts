import type { Prisma } from '@storesync/db';
import { type PaymentKind, SaleItemSchema } from '@storesync/schema';

// Named selects: the dashboard reads only these columns, never the merge state
// (clocks) or whole rows. Mappers turn BigInt amounts into numbers and dates
// into the wire's ISO strings (no transformer on the tRPC link).

const common = { id: true, createdAt: true, updatedAt: true, updatedByDeviceId: true } as const;

export const customerSelect = {
  ...common,
  name: true,
  phone: true,
  note: true,
  language: true,
} satisfies Prisma.CustomerSelect;
export const debtSelect = {
  ...common,
  customerId: true,
  amount: true,
  note: true,
  dueDate: true,
  recordedAt: true,
} satisfies Prisma.DebtSelect;
export const paymentSelect = {
  ...common,
  customerId: true,
  debtId: true,
  amount: true,
  paidAt: true,
  note: true,
  kind: true,
} satisfies Prisma.PaymentSelect;
export const saleSelect = {
  ...common,
  customerId: true,
  items: true,
  total: true,
  paidAmount: true,
  soldAt: true,
  note: true,
} satisfies Prisma.SaleSelect;

interface CommonRecord {
  createdAt: Date;
  updatedAt: Date;
}
const dates = <T extends CommonRecord>(r: T) => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const toCustomer = (r: Prisma.CustomerGetPayload<{ select: typeof customerSelect }>) => dates(r);

/** A debt as the dashboard sends it; `recordedAt` is its one date (`debtDate`). */
export const toDebt = (r: Prisma.DebtGetPayload<{ select: typeof debtSelect }>) => ({
  ...dates(r),
  amount: Number(r.amount),
  dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
  recordedAt: (r.recordedAt ?? r.createdAt).toISOString(),
});
export type DebtDto = ReturnType<typeof toDebt>;

export const toPayment = (r: Prisma.PaymentGetPayload<{ select: typeof paymentSelect }>) => ({
  ...dates(r),
  amount: Number(r.amount),
  paidAt: r.paidAt.toISOString(),
  // Null (rows from before the field, and plain repayments) is a repayment.
  kind: r.kind as PaymentKind | null,
});
export type PaymentDto = ReturnType<typeof toPayment>;

export const toSale = (
  r: Prisma.SaleGetPayload<{ select: typeof saleSelect }>,
  customerName: string | null,
) => ({
  ...dates(r),
  items: SaleItemSchema.array().parse(r.items),
  total: Number(r.total),
  paidAmount: Number(r.paidAmount),
  soldAt: r.soldAt.toISOString(),
  customerName,
});
export type SaleDto = ReturnType<typeof toSale>;
