import { REJECT_CODES } from './wire.ts';

/**
 * Why the server refused a request, as a code a client translates (tRPC's `error.data.reason`,
 * beside tRPC's own `data.code`): a push's reject codes, which a dashboard write meets through
 * the same push, and the refusals only the dashboard's procedures make. Clients show the
 * catalogue's `errors.<reason>` with `data.params`, never the English `message`.
 */
export const REFUSAL_REASONS = [
  ...REJECT_CODES,
  /** A write-off of a balance that changed since it was shown. */
  'BALANCE_CHANGED',
  /** A restore of a row whose tombstone is newer than the server's clock (a fast device clock). */
  'DELETED_CLOCK_AHEAD',
  /** A pull from a cursor older than the store's compacted log: take the snapshot again. */
  'RESYNC_REQUIRED',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** What a refusal's message needs: the entity (`customers`, `debts`, …) a row was missing from. */
export type RefusalParams = Record<string, string | number>;

/** One input field that failed validation: its path and zod's issue, with the schema's own message. */
export interface RefusalIssue {
  path: string;
  code: string;
  message: string;
  minimum?: number;
  maximum?: number;
  origin?: string;
}
