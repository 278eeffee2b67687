import type { Entity, EntityFields } from './entities.ts';

/**
 * What a field holds, beyond its zod schema: what each place that stores or
 * sends it needs to know. `timestamp` is an instant (ISO-8601 UTC on the wire,
 * `timestamptz` on the server); `date` a calendar day; `json` a structured
 * value (jsonb on the server, JSON text in SQLite); `ref:<entity>` the id of a
 * row of that entity in the same store; `money` integer minor units; `count` a whole number (days, say); `text` a string.
 */
export type FieldKind = 'text' | 'money' | 'count' | 'timestamp' | 'date' | 'json' | `ref:${Entity}`;

/**
 * Each entity field's kind, next to `EntityFieldSchemas` and checked against it
 * (every field, no other: the type below; each kind's values: field-kinds.test.ts).
 * The server's timestamp handling and references, the client's JSON columns,
 * and the tests comparing both databases' tables are derived from it.
 */
export const FIELD_KINDS = {
  customers: { name: 'text', phone: 'text', note: 'text', language: 'text' },
  debts: {
    customerId: 'ref:customers',
    amount: 'money',
    note: 'text',
    dueDate: 'date',
    recordedAt: 'timestamp',
  },
  payments: {
    customerId: 'ref:customers',
    debtId: 'ref:debts',
    amount: 'money',
    paidAt: 'timestamp',
    note: 'text',
    kind: 'text',
  },
  sales: {
    customerId: 'ref:customers',
    items: 'json',
    total: 'money',
    paidAmount: 'money',
    soldAt: 'timestamp',
    note: 'text',
  },
  settings: {
    currency: 'text',
    shopName: 'text',
    country: 'text',
    language: 'text',
    linkDays: 'count',
    remindDays: 'count',
    reminderTemplates: 'json',
  },
  links: { customerId: 'ref:customers', token: 'text', expiresAt: 'timestamp', lastOpenedAt: 'timestamp' },
  reminders: {
    customerId: 'ref:customers',
    channel: 'text',
    amount: 'money',
    linkId: 'ref:links',
    sentAt: 'timestamp',
  },
} as const satisfies { [E in Entity]: { [F in keyof EntityFields[E]]-?: FieldKind } };

const kindsOf = (entity: Entity): Record<string, FieldKind> => FIELD_KINDS[entity];

/** The kind of one field of an entity. */
export const fieldKind = (entity: Entity, field: string): FieldKind | undefined => kindsOf(entity)[field];

/** The entity's fields of this kind, in declaration order. */
export const fieldsOfKind = (entity: Entity, kind: FieldKind): string[] =>
  Object.entries(kindsOf(entity))
    .filter(([, k]) => k === kind)
    .map(([f]) => f);

/** The entity's reference fields and the entity each names. */
export const referencesOf = (entity: Entity): Record<string, Entity> =>
  Object.fromEntries(
    Object.entries(kindsOf(entity)).flatMap(([f, k]) =>
      k.startsWith('ref:') ? [[f, k.slice('ref:'.length) as Entity]] : [],
    ),
  );
