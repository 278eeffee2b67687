import { z } from 'zod';
import { EntitySchema } from './entities.ts';
import { EntityRowSchemas } from './row.ts';
import { OPS, PUSH_STATUSES, REJECT_CODES } from './wire.ts';

/**
 * Zod schemas of what the server answers: the source of the OpenAPI document,
 * and what tests hold real responses against. The TypeScript types the server
 * code uses are in wire.ts; these must accept every value of those.
 */
export const EntityRowSchema = z.union([
  EntityRowSchemas.customers,
  EntityRowSchemas.debts,
  EntityRowSchemas.payments,
  EntityRowSchemas.sales,
  EntityRowSchemas.settings,
  EntityRowSchemas.links,
  EntityRowSchemas.reminders,
]);

export const PushResultSchema = z.object({
  eventUuid: z.string(),
  status: z.enum(PUSH_STATUSES),
  eventId: z.int().optional().describe('The sync_events id: applied, or duplicate of an applied event'),
  row: EntityRowSchema.optional().describe('The canonical row after the event (applied, ignored, duplicate)'),
  error: z
    .object({ code: z.enum(REJECT_CODES), message: z.string() })
    .optional()
    .describe('Why it was rejected'),
});

export const PushOutputSchema = z.object({
  results: z.array(PushResultSchema).describe('One per input event, same order'),
  serverTime: z.string(),
});

export const PulledEventSchema = z.object({
  eventId: z.int(),
  entity: EntitySchema,
  entityId: z.string(),
  op: z.enum(OPS),
  row: EntityRowSchema.describe('The canonical row as of this event; a tombstone carries deletedAt'),
  deviceId: z.string(),
  serverReceivedAt: z.string(),
});

export const PullOutputSchema = z.object({
  events: z.array(PulledEventSchema),
  cursor: z.int().describe('The last eventId returned, or the input cursor when there are none'),
  hasMore: z.boolean().describe('Pull again at once with the returned cursor'),
  remaining: z
    .int()
    .optional()
    .describe("Only when asked for with withRemaining: the store's events after this page"),
});

export const SnapshotOutputSchema = z.object({
  rows: z.array(z.object({ entity: EntitySchema, row: EntityRowSchema })),
  cursor: z
    .int()
    .describe(
      "The store's newest eventId when the page was read: keep the first page's, pull the log from it after the last",
    ),
  next: z.string().nullable().describe('Pass as `after` for the next page; null on the last page'),
  total: z.int().optional().describe('First page only: the rows the snapshot holds'),
});

export const PublicUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string().nullable() });

export const SignInOutputSchema = z.object({
  sessionToken: z.string().describe('Send as `Authorization: Bearer <sessionToken>`'),
  expiresAt: z.string(),
  user: PublicUserSchema,
});

export const MeOutputSchema = z.object({ user: PublicUserSchema, deviceId: z.string() });
export const SignOutOutputSchema = z.object({ ok: z.literal(true) });

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;

/** The plain-HTTP error body. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});
