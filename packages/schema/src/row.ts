import { z } from 'zod';
import { EntityFieldSchemas } from './entities.ts';

const CommonColumns = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  updatedByDeviceId: z.string().nullable(),
  rowVersion: z.int(),
};

/** Rows as the server returns them anywhere (docs/protocol.md's `EntityRow`). */
export const EntityRowSchemas = {
  customers: EntityFieldSchemas.customers.extend(CommonColumns),
  debts: EntityFieldSchemas.debts.extend(CommonColumns),
  payments: EntityFieldSchemas.payments.extend(CommonColumns),
  sales: EntityFieldSchemas.sales.extend(CommonColumns),
  settings: EntityFieldSchemas.settings.extend(CommonColumns),
  links: EntityFieldSchemas.links.extend(CommonColumns),
  reminders: EntityFieldSchemas.reminders.extend(CommonColumns),
};

export type CommonRowColumns = z.infer<z.ZodObject<typeof CommonColumns>>;
/** An entity row on the wire; field values depend on the entity. */
export type EntityRow = CommonRowColumns & Record<string, unknown>;
