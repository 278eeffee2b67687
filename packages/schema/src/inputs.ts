import { z } from 'zod';
import { SaleItemSchema } from './entities.ts';
import { MAX_AMOUNT } from './money.ts';
import { DateSchema, LanguageSchema, TimestampSchema, text, UuidSchema } from './primitives.ts';
import { saleTotal } from './sale-total.ts';

// Inputs of the dashboard's procedures (customers.*, debts.*, payments.*, sales.*).
// The web forms validate with these same schemas, so a field's error is shown
// before the request and matches what the server would say. Each is compatible
// with the entity's field schema, which the sync path checks again.

const optionalText = (max: number) => text(0, max).nullable().optional();
// Worded as `parseAmount` words them, capped at the same largest amount.
const tooLarge = 'More than the largest amount';
const amount = z.int('Enter an amount').positive('Must be more than zero').max(MAX_AMOUNT, tooLarge);
const money = z.int('Enter an amount').nonnegative('Must not be negative').max(MAX_AMOUNT, tooLarge);

/** Which row: every get, update and delete names one by id. */
export const IdInputSchema = z.object({ id: UuidSchema });

/** Offset pagination shared by the lists; `cursor` is the offset of the page. */
export const PageInputSchema = z.object({
  limit: z.int().min(1).max(200).default(50),
  cursor: z.int().nonnegative().default(0),
});

export const CustomerFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').pipe(text(1, 200)),
  phone: optionalText(32),
  note: optionalText(2000),
  /** The language the customer reads statements and reminders in; null: the store's. */
  language: LanguageSchema.nullable().optional(),
});
export const CustomerCreateInputSchema = CustomerFieldsSchema;
export const CustomerUpdateInputSchema = CustomerFieldsSchema.partial().extend(IdInputSchema.shape);
export type CustomerFields = z.infer<typeof CustomerFieldsSchema>;

export const CustomerListInputSchema = PageInputSchema.extend({
  search: z.string().trim().pipe(text(0, 200)).optional(),
  sort: z.enum(['name', 'balance']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const DebtFieldsSchema = z.object({
  customerId: UuidSchema,
  amount,
  note: optionalText(2000),
  dueDate: DateSchema.nullable().optional(),
});
export const DebtCreateInputSchema = DebtFieldsSchema;
export const DebtUpdateInputSchema = DebtFieldsSchema.omit({ customerId: true })
  .partial()
  .extend(IdInputSchema.shape);

export const PaymentFieldsSchema = z.object({
  customerId: UuidSchema,
  debtId: UuidSchema.nullable().optional(),
  amount,
  /** Defaults to the server's now. */
  paidAt: TimestampSchema.optional(),
  note: optionalText(2000),
});
export const PaymentCreateInputSchema = PaymentFieldsSchema;
export const PaymentUpdateInputSchema = PaymentFieldsSchema.omit({ customerId: true })
  .partial()
  .extend(IdInputSchema.shape);

/** Filters of debts.list and payments.list. */
export const LedgerListInputSchema = PageInputSchema.extend({ customerId: UuidSchema.optional() });

export const SaleItemInputSchema = SaleItemSchema.extend({
  name: z.string().trim().min(1, 'Enter an item').pipe(text(1, 200)),
  quantity: z.number('Enter a quantity').positive('Must be more than zero').max(1_000_000),
  unitPrice: money,
});

/** Line items whose total is a whole number of minor units that JSON and bigint both hold exactly. */
const SaleItemsInputSchema = z
  .array(SaleItemInputSchema)
  .min(1, 'Add at least one item')
  .max(200)
  .refine((items) => saleTotal(items) <= Number.MAX_SAFE_INTEGER, {
    message: 'The total is too large',
    when: (payload) => payload.issues.length === 0,
  });

export const SaleFieldsSchema = z.object({
  customerId: UuidSchema.nullable().optional(),
  items: SaleItemsInputSchema,
  paidAmount: money,
  /** Defaults to the server's now. */
  soldAt: TimestampSchema.optional(),
  note: optionalText(2000),
});
/** A new sale: its total is computed from the items, and no more can be paid than that. */
export const SaleCreateInputSchema = SaleFieldsSchema.refine((s) => s.paidAmount <= saleTotal(s.items), {
  message: 'Cannot be more than the total',
  path: ['paidAmount'],
  // Only once the items are valid: a total of bad items says nothing.
  when: (payload) => payload.issues.length === 0,
});
export const SaleUpdateInputSchema = SaleFieldsSchema.partial().extend(IdInputSchema.shape);

export const SaleListInputSchema = PageInputSchema.extend({
  customerId: UuidSchema.optional(),
  /** Sold at or after this instant. */
  from: TimestampSchema.optional(),
  /** Sold before this instant. */
  to: TimestampSchema.optional(),
});

/**
 * An IANA time zone, for "today" and per-day figures, under ICU's canonical
 * name: PostgreSQL knows those, not every old alias Intl accepts
 * (`US/Pacific-New` is `America/Los_Angeles`).
 */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .transform((tz, ctx) => {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Unknown time zone' });
      return z.NEVER;
    }
  });

export const ReportInputSchema = z.object({
  timeZone: TimeZoneSchema.default('UTC'),
  days: z.int().min(1).max(366).default(30),
});
