import { z } from 'zod';
import { CurrencySchema } from './currencies.ts';
import {
  CountrySchema,
  countSchema,
  DateSchema,
  LanguageSchema,
  LinkTokenSchema,
  MoneySchema,
  PositiveMoneySchema,
  TimestampSchema,
  text,
  UuidSchema,
} from './primitives.ts';

export const ENTITIES = [
  'customers',
  'debts',
  'payments',
  'sales',
  'settings',
  'links',
  'reminders',
] as const;
export type Entity = (typeof ENTITIES)[number];
export const EntitySchema = z.enum(ENTITIES);

/**
 * What a repayment row records: money the customer paid (`repayment`, also null, as rows
 * written before the field existed are), or a debt the shop forgave (`writeOff`). Both lower
 * the customer's balance alike; only a repayment is money taken.
 */
export const PAYMENT_KINDS = ['repayment', 'writeOff'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const SaleItemSchema = z.object({
  name: text(1, 200),
  quantity: z.number().positive().finite(),
  unitPrice: MoneySchema,
});
export type SaleItem = z.infer<typeof SaleItemSchema>;

/** How a reminder went out: a WhatsApp chat, an SMS, or the system share sheet. */
export const REMINDER_CHANNELS = ['whatsapp', 'sms', 'share'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** A reminder message per language (`{ en: '…', sw: '…' }`), placeholders in `{braces}`. */
export const ReminderTemplatesSchema = z.record(LanguageSchema, text(1, 1000));

/**
 * The syncable fields of each entity (docs/protocol.md's Data table). Optional
 * fields are nullable so that an edit can clear them.
 */
export const EntityFieldSchemas = {
  customers: z.object({
    name: text(1, 200),
    phone: text(0, 32).nullable(),
    note: text(0, 2000).nullable(),
    /** The language the customer reads (statements, reminders); null: the store's. */
    language: LanguageSchema.nullable(),
  }),
  debts: z.object({
    customerId: UuidSchema,
    amount: PositiveMoneySchema,
    note: text(0, 2000).nullable(),
    dueDate: DateSchema.nullable(),
    /**
     * When the debt was taken on: set by the device that records it (back-dating
     * sets it earlier). Null only on rows from before the field: read such a
     * row's date as its `createdAt` (`debtDate`).
     */
    recordedAt: TimestampSchema.nullable(),
  }),
  payments: z.object({
    customerId: UuidSchema,
    debtId: UuidSchema.nullable(),
    amount: PositiveMoneySchema,
    paidAt: TimestampSchema,
    note: text(0, 2000).nullable(),
    kind: z.enum(PAYMENT_KINDS).nullable(),
  }),
  sales: z.object({
    customerId: UuidSchema.nullable(),
    items: z.array(SaleItemSchema).min(1).max(200),
    total: MoneySchema,
    paidAmount: MoneySchema,
    soldAt: TimestampSchema,
    note: text(0, 2000).nullable(),
  }),
  /** The store's own settings: one row per store, id `SETTINGS_ID`. Null: not chosen yet. */
  settings: z.object({
    currency: CurrencySchema.nullable(),
    shopName: text(0, 200).nullable(),
    /** Where the shop is: phone numbers are read as this country's. */
    country: CountrySchema.nullable(),
    /** The store's language: the default for customers and devices without one. */
    language: LanguageSchema.nullable(),
    /** How many days a new statement link lives (null: DEFAULT_LINK_DAYS). */
    linkDays: countSchema(1, 3650).nullable(),
    /** Remind a customer who owes when not reminded for this many days (null: DEFAULT_REMIND_DAYS). */
    remindDays: countSchema(1, 365).nullable(),
    /** The owner's own reminder wording per language (null or missing: the catalogue's). */
    reminderTemplates: ReminderTemplatesSchema.nullable(),
  }),
  /**
   * A customer's statement at `/s/<token>`. Deleting the row revokes the link.
   * `lastOpenedAt` is written by the server when the statement is opened.
   */
  links: z.object({
    customerId: UuidSchema,
    token: LinkTokenSchema,
    expiresAt: TimestampSchema,
    lastOpenedAt: TimestampSchema.nullable(),
  }),
  /** A reminder the owner sent: to whom, how, for how much, with which link. */
  reminders: z.object({
    customerId: UuidSchema,
    channel: z.enum(REMINDER_CHANNELS),
    amount: MoneySchema,
    linkId: UuidSchema.nullable(),
    sentAt: TimestampSchema,
  }),
} as const satisfies Record<Entity, z.ZodObject>;

/**
 * The id of a store's settings row, the same on every device without asking
 * anyone: rows are keyed by (store, id), so one well-known id names each
 * store's single row (the nil UUID).
 */
export const SETTINGS_ID = '00000000-0000-0000-0000-000000000000';

/** A statement link's life when the store has not chosen one (settings.linkDays). */
export const DEFAULT_LINK_DAYS = 60;
/** Days without a reminder before a customer who owes is listed to remind (settings.remindDays). */
export const DEFAULT_REMIND_DAYS = 7;

export type EntityFields = { [E in Entity]: z.infer<(typeof EntityFieldSchemas)[E]> };

const byEntity = <T>(f: (entity: Entity) => T): Record<Entity, T> =>
  Object.fromEntries(ENTITIES.map((e) => [e, f(e)])) as Record<Entity, T>;

const FIELD_NAMES = byEntity((e) => Object.keys(EntityFieldSchemas[e].shape));
const REQUIRED_FIELD_NAMES = byEntity((e) =>
  Object.entries(EntityFieldSchemas[e].shape)
    .filter(([, schema]) => !schema.safeParse(null).success)
    .map(([name]) => name),
);

/**
 * Each entity's fields all optional: the shape of an upsert's payload. Built
 * once, since zod compiles a schema on its first use and that is not cheap.
 */
export const EntityPatchSchemas = byEntity((e) => EntityFieldSchemas[e].partial());

/** Field names per entity, in declaration order. */
export const entityFieldNames = (entity: Entity): readonly string[] => FIELD_NAMES[entity];

/** Fields a row cannot exist without. */
export const requiredFieldNames = (entity: Entity): readonly string[] => REQUIRED_FIELD_NAMES[entity];
