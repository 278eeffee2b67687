import { z } from 'zod';
import {
  DateSchema,
  MoneySchema,
  PositiveMoneySchema,
  TimestampSchema,
  text,
  UuidSchema,
} from './primitives.ts';

export const ENTITIES = ['customers', 'debts', 'payments', 'sales'] as const;
export type Entity = (typeof ENTITIES)[number];
export const EntitySchema = z.enum(ENTITIES);

export const SaleItemSchema = z.object({
  name: text(1, 200),
  quantity: z.number().positive().finite(),
  unitPrice: MoneySchema,
});
export type SaleItem = z.infer<typeof SaleItemSchema>;

/**
 * The syncable fields of each entity (PROTOCOL.md's Data table). Optional
 * fields are nullable so that an edit can clear them.
 */
export const EntityFieldSchemas = {
  customers: z.object({
    name: text(1, 200),
    phone: text(0, 32).nullable(),
    note: text(0, 2000).nullable(),
  }),
  debts: z.object({
    customerId: UuidSchema,
    amount: PositiveMoneySchema,
    note: text(0, 2000).nullable(),
    dueDate: DateSchema.nullable(),
  }),
  payments: z.object({
    customerId: UuidSchema,
    debtId: UuidSchema.nullable(),
    amount: PositiveMoneySchema,
    paidAt: TimestampSchema,
    note: text(0, 2000).nullable(),
  }),
  sales: z.object({
    customerId: UuidSchema.nullable(),
    items: z.array(SaleItemSchema).min(1).max(200),
    total: MoneySchema,
    paidAmount: MoneySchema,
    soldAt: TimestampSchema,
    note: text(0, 2000).nullable(),
  }),
} as const satisfies Record<Entity, z.ZodObject>;

export type EntityFields = { [E in Entity]: z.infer<(typeof EntityFieldSchemas)[E]> };

/** Field names per entity, in declaration order. */
export const entityFieldNames = (entity: Entity): string[] => Object.keys(EntityFieldSchemas[entity].shape);

/** Fields a row cannot exist without. */
export const requiredFieldNames = (entity: Entity): string[] =>
  Object.entries(EntityFieldSchemas[entity].shape)
    .filter(([, schema]) => !schema.safeParse(null).success)
    .map(([name]) => name);
