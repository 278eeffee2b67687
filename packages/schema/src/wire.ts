import { z } from 'zod';
import { EntitySchema } from './entities.ts';
import { DeviceIdSchema, TimestampSchema, text, UuidSchema } from './primitives.ts';
import type { EntityRow } from './row.ts';

export const MAX_PUSH_EVENTS = 500;
/** The most events a pull page may ask for (a page may also end early, at about 4 MiB of rows). */
export const PULL_LIMIT_MAX = 5000;
export const OPS = ['upsert', 'delete'] as const;
export type Op = (typeof OPS)[number];

/**
 * One outbox item. Validated on its own inside a batch, so that a bad item
 * (say, from a newer app version) is `rejected` without blocking the rest.
 */
export const PushEventSchema = z.object({
  eventUuid: UuidSchema,
  entity: EntitySchema,
  entityId: UuidSchema,
  op: z.enum(OPS),
  payload: z.record(z.string(), z.unknown()).optional(),
  updatedFields: z.array(text(0, 100)).max(100).optional(),
  clientUpdatedAt: TimestampSchema,
});
export type PushEvent = z.infer<typeof PushEventSchema>;

/** The batch as a whole: malformed here is a BAD_REQUEST that changes nothing. */
export const PushInputSchema = z.object({
  deviceId: DeviceIdSchema,
  events: z.array(z.unknown()).min(1).max(MAX_PUSH_EVENTS),
});
export type PushInput = z.input<typeof PushInputSchema>;

export const PUSH_STATUSES = ['applied', 'ignored', 'duplicate', 'rejected'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/**
 * Why an event was rejected. The list grows (docs/protocol.md): a client treats a code it
 * does not know like any other rejection.
 */
export const REJECT_CODES = [
  'INVALID_EVENT',
  'INVALID_PAYLOAD',
  'MISSING_FIELDS',
  'NOT_FOUND',
  /** A customer delete while the customer's live entries do not net to zero. */
  'CUSTOMER_HAS_BALANCE',
  /** A sale whose total is not the sum of its items, or whose paid amount is outside 0…total. */
  'SALE_TOTAL_MISMATCH',
  /** A sale with an unpaid part and no customer to owe it. */
  'SALE_NEEDS_CUSTOMER',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export interface PushResult {
  eventUuid: string;
  status: PushStatus;
  eventId?: number;
  row?: EntityRow;
  error?: { code: RejectCode; message: string };
}

export interface PushOutput {
  results: PushResult[];
  serverTime: string;
}

export const PullInputSchema = z.object({
  cursor: z.int().nonnegative(),
  limit: z.int().min(1).max(PULL_LIMIT_MAX).default(500),
  /** Ask for `remaining`: a device starting a sync asks once, to show how far it has to go. */
  withRemaining: z.boolean().optional(),
});
export type PullInput = z.input<typeof PullInputSchema>;

export interface PulledEvent {
  eventId: number;
  entity: z.infer<typeof EntitySchema>;
  entityId: string;
  op: Op;
  row: EntityRow;
  deviceId: string;
  serverReceivedAt: string;
}

export interface PullOutput {
  events: PulledEvent[];
  cursor: number;
  hasMore: boolean;
  /** With `withRemaining`: the store's events after this page (0 when `hasMore` is false). */
  remaining?: number;
}

/**
 * Where a snapshot page starts: `<entity>:<id>`, the previous page's `next`.
 * Rows come entity by entity (in `ENTITIES` order), by id within each.
 */
export const SnapshotAfterSchema = z
  .string()
  .regex(/^[a-z]+:[0-9a-f-]{36}$/, "expected <entity>:<id>, a page's next");

export const SnapshotInputSchema = z.object({
  /** Absent on the first page; then the previous page's `next`. */
  after: SnapshotAfterSchema.optional(),
  /** Only this entity's rows: a device mending one entity its digest found wrong. */
  entity: EntitySchema.optional(),
  limit: z.int().min(1).max(PULL_LIMIT_MAX).default(1000),
});
export type SnapshotInput = z.input<typeof SnapshotInputSchema>;

export interface SnapshotRow {
  entity: z.infer<typeof EntitySchema>;
  row: EntityRow;
}

export interface SnapshotOutput {
  rows: SnapshotRow[];
  /**
   * The store's newest event id when the page was read (before its rows). A device keeps the
   * first page's and, after the last page, pulls the log from it.
   */
  cursor: number;
  /** Where the next page starts; null on the last page. */
  next: string | null;
  /** On the first page only: how many rows the snapshot holds, for a progress figure. */
  total?: number;
}

/** The store's digest (see `BookDigest`) and the log position it holds at. */
export interface DigestOutput {
  /** The store's newest event id, read in the same snapshot as the digests. */
  cursor: number;
  entities: Record<z.infer<typeof EntitySchema>, { count: number; hash: number }>;
}

export const VerifiedInputSchema = z.object({
  /** The log position the book was checked at. */
  cursor: z.int().nonnegative(),
  /** The entities that differed and were fetched again; empty when the book matched. */
  repaired: z.array(EntitySchema).max(20),
});
export type VerifiedInput = z.input<typeof VerifiedInputSchema>;

export const SignInInputSchema = z.object({
  idToken: z.string().min(1).max(8192),
  deviceId: DeviceIdSchema,
  deviceName: text(0, 200).optional(),
});

export const DevSignInInputSchema = z.object({
  email: z.email().max(320),
  deviceId: DeviceIdSchema,
  /** As with Google sign-in: the name the store's history shows the device by. */
  deviceName: text(0, 200).optional(),
});

export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
}

export interface SignInOutput {
  sessionToken: string;
  expiresAt: string;
  user: PublicUser;
}
