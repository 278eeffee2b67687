import { type Entity, type EntityRow, type Op, uuidV7 } from '@storesync/schema';
import { TRPCError } from '@trpc/server';
import { RefusedError } from '../errors.ts';
import { REFERENCES } from '../sync/apply-event.ts';
import { type Precondition, preconditionMessage } from '../sync/preconditions.ts';
import { applyPush } from '../sync/push.ts';
import type { AuthedContext } from './authed-context.ts';
import { notFound } from './live-rows.ts';

export interface DashboardChange {
  entity: Entity;
  entityId: string;
  op: Op;
  /** The entity's fields being set (upsert only). */
  payload?: Record<string, unknown>;
  /** For edits: exactly the fields the owner changed, so other fields keep their clocks. */
  updatedFields?: string[];
  /** Further rows that must be live, e.g. a payment's debt of that same customer. */
  require?: Precondition[];
}

/**
 * What a dashboard write needs live when it applies: the row itself for an
 * edit or a delete (an upsert of a deleted row would revive it, one of an
 * unknown id would create it), every row it refers to, and `require`.
 */
function preconditionsOf(change: DashboardChange): Precondition[] {
  const needs: Precondition[] = [];
  if (change.op === 'delete' || change.updatedFields)
    needs.push({ entity: change.entity, id: change.entityId });
  for (const [field, target] of Object.entries(REFERENCES[change.entity] ?? {})) {
    const ref = change.payload?.[field];
    if (typeof ref === 'string') needs.push({ entity: target, id: ref });
  }
  return [...needs, ...(change.require ?? [])];
}

/** A push rejection as the dashboard's error: a customer with a balance is a conflict, not bad input. */
const REJECTION_STATUS: Record<string, 'NOT_FOUND' | 'CONFLICT'> = {
  NOT_FOUND: 'NOT_FOUND',
  CUSTOMER_HAS_BALANCE: 'CONFLICT',
};

/**
 * Applies one dashboard write as a sync event of the web session's device,
 * through `applyPush`: the same validation, field-level merge and `sync_events`
 * append as a phone's push, so every device pulls it. Its preconditions are
 * checked inside the push, under the store lock: a row deleted by a phone a
 * moment before is `NOT_FOUND`, never revived. Nothing else in the dashboard
 * writes entity tables.
 */
export async function writeChange(ctx: AuthedContext, change: DashboardChange): Promise<EntityRow> {
  const event = {
    eventUuid: uuidV7(),
    entity: change.entity,
    entityId: change.entityId,
    op: change.op,
    ...(change.payload && { payload: change.payload }),
    ...(change.updatedFields && { updatedFields: change.updatedFields }),
    clientUpdatedAt: new Date().toISOString(),
  };
  const needs = preconditionsOf(change);
  const { results } = await applyPush(
    ctx.db,
    { userId: ctx.auth.user.id, deviceId: ctx.auth.deviceId },
    [event],
    { preconditions: [needs] },
  );
  const result = results[0];
  const unmet = needs.find((c) => result?.error?.message === preconditionMessage(c));
  if (unmet) throw notFound(unmet.entity);
  if (result?.status === 'rejected') {
    const code = REJECTION_STATUS[result.error?.code ?? ''] ?? 'BAD_REQUEST';
    const reason = result.error?.code ?? 'INVALID_PAYLOAD';
    const params = { entity: change.entity };
    throw new RefusedError({ code, reason, message: result.error?.message ?? 'Rejected', params });
  }
  // `ignored` still carries the canonical row: a device's newer edit won, and the owner sees it.
  if (!result?.row) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'No row after write' });
  return result.row;
}

/** The fields an edit names, for `updatedFields`: every input key but the id. */
export function editedFields(input: Record<string, unknown>): {
  payload: Record<string, unknown>;
  updatedFields: string[];
} {
  const payload = Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'id' && v !== undefined));
  if (Object.keys(payload).length === 0) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'input: nothing to change' });
  }
  return { payload, updatedFields: Object.keys(payload) };
}
