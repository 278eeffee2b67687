import {
  type Clock,
  clampClientTime,
  ENTITIES,
  type Entity,
  emptyRowState,
  isDeleted,
  mergeChange,
  newestClockTime,
  type PushResult,
  type RowState,
  referencesOf,
  requiredFieldNames,
} from '@storesync/schema';
import { canonicalRow } from './canonical.ts';
import { customerDeleteProblem, saleProblem, saleProblemMessage } from './ledger-rules.ts';
import type { PreparedEvent } from './prepare.ts';
import type { StoredRow } from './tables.ts';
import type { NewEvent } from './write.ts';

/** References that must name a row of the same store when a field sets them (FIELD_KINDS' `ref:`). */
export const REFERENCES: Partial<Record<Entity, Record<string, Entity>>> = Object.fromEntries(
  ENTITIES.map((e) => [e, referencesOf(e)]),
);

/** The rows a batch has read, updated in place as its events apply. */
export type WorkingRows = Record<Entity, Map<string, StoredRow>>;

export interface ApplyContext {
  deviceId: string;
  now: Date;
  serverTime: string;
}

export type Applied =
  | { status: 'applied'; row: StoredRow; event: NewEvent }
  | { status: 'ignored' | 'rejected'; result: PushResult };

const missingReference = (rows: WorkingRows, e: PreparedEvent): string | null => {
  for (const [field, target] of Object.entries(REFERENCES[e.entity] ?? {})) {
    const ref = e.fields[field];
    if (typeof ref === 'string' && !rows[target].has(ref)) return `payload.${field}: no such ${target} row`;
  }
  return null;
};

/** Why the store cannot take this event at all, or null. Another store's rows are never in `rows`. */
function rejection(rows: WorkingRows, e: PreparedEvent, current: StoredRow | undefined): PushResult | null {
  const reject = (code: 'NOT_FOUND' | 'MISSING_FIELDS', message: string): PushResult => ({
    eventUuid: e.eventUuid,
    status: 'rejected',
    error: { code, message },
  });
  if (!current && e.op === 'delete') return reject('NOT_FOUND', `no ${e.entity} row ${e.entityId} to delete`);
  if (!current) {
    const missing = requiredFieldNames(e.entity).filter((f) => !(f in e.fields));
    if (missing.length > 0) {
      return reject(
        'MISSING_FIELDS',
        `creating a ${e.entity} row needs ${missing.map((f) => `payload.${f}`).join(', ')}`,
      );
    }
  }
  const missingRef = missingReference(rows, e);
  return missingRef ? reject('NOT_FOUND', missingRef) : null;
}

/**
 * What a new row holds when its creating event leaves it out: a debt from a
 * client that predates `recordedAt` was taken on when it was recorded (its clock).
 */
const createDefaults = (entity: Entity, at: string): Record<string, unknown> =>
  entity === 'debts' ? { recordedAt: at } : {};

/** A ledger rule the merged row would break (ledger-rules.ts): then nothing of the event applies. */
function ruleBroken(rows: WorkingRows, e: PreparedEvent, merged: RowState): PushResult['error'] | null {
  if (e.entity === 'sales') {
    const v = saleProblem(e, merged);
    return v ? { code: v.code, message: saleProblemMessage(v) } : null;
  }
  if (e.entity === 'customers' && e.op === 'delete' && isDeleted(merged)) {
    const message = customerDeleteProblem(rows, e.entityId);
    return message ? { code: 'CUSTOMER_HAS_BALANCE', message } : null;
  }
  return null;
}

/**
 * Merges one validated event into the working rows: the row after it, and the
 * change-log event to append, when it changed anything.
 */
export function applyEvent(
  rows: WorkingRows,
  e: PreparedEvent,
  ctx: ApplyContext,
  /** The server's own events (a revival) carry the clock they need, never clamped. */
  options: { exactClock?: boolean } = {},
): Applied {
  const current = rows[e.entity].get(e.entityId);
  const rejected = rejection(rows, e, current);
  if (rejected) return { status: 'rejected', result: rejected };

  const at = options.exactClock ? e.clientUpdatedAt : clampClientTime(e.clientUpdatedAt, ctx.now);
  const clock: Clock = [at, ctx.deviceId, e.eventUuid];
  const fields = current ? e.fields : { ...createDefaults(e.entity, clock[0]), ...e.fields };
  const change = e.op === 'delete' ? { op: 'delete' as const } : { op: 'upsert' as const, fields };
  const merged = mergeChange(current?.state ?? emptyRowState(), change, clock);
  if (!merged.applied) {
    // Only an existing row can ignore a change: a new row always takes its fields.
    const result: PushResult = { eventUuid: e.eventUuid, status: 'ignored' };
    if (current) result.row = canonicalRow(e.entity, current);
    return { status: 'ignored', result };
  }
  const broken = ruleBroken(rows, e, merged.state);
  if (broken)
    return { status: 'rejected', result: { eventUuid: e.eventUuid, status: 'rejected', error: broken } };
  // Never behind the newest clock it holds: see newestClockTime.
  const newest = newestClockTime(merged.state);
  const row: StoredRow = {
    id: e.entityId,
    state: merged.state,
    createdAt: current?.createdAt ?? ctx.serverTime,
    updatedAt: newest && newest > ctx.serverTime ? newest : ctx.serverTime,
    updatedByDeviceId: ctx.deviceId,
    rowVersion: (current?.rowVersion ?? 0) + 1,
  };
  rows[e.entity].set(e.entityId, row);
  const event: NewEvent = {
    entity: e.entity,
    entityId: e.entityId,
    op: e.op,
    payload: canonicalRow(e.entity, row),
    clientUpdatedAt: clock[0],
    eventUuid: e.eventUuid,
  };
  return { status: 'applied', row, event };
}
