import {
  type Entity,
  EntityPatchSchemas,
  entityFieldNames,
  type Op,
  PushEventSchema,
  type RejectCode,
  requiredFieldNames,
} from '@storesync/schema';
import { describeZodError } from '../errors.ts';

/** A push event that passed validation, with the fields it touches resolved. */
export interface PreparedEvent {
  eventUuid: string;
  entity: Entity;
  entityId: string;
  op: Op;
  /** Touched fields and their new values (upsert only). */
  fields: Record<string, unknown>;
  clientUpdatedAt: string;
}

export type Prepared =
  | { ok: true; event: PreparedEvent }
  | { ok: false; eventUuid: string; code: RejectCode; message: string };

const rawUuid = (raw: unknown): string => {
  const v = (raw as { eventUuid?: unknown } | null)?.eventUuid;
  return typeof v === 'string' ? v : '';
};

/**
 * Validates one event of a batch on its own. Unknown payload keys are dropped;
 * `updatedFields` narrows the touched fields (a touched field absent from the
 * payload is cleared, which only optional fields allow).
 */
export function prepareEvent(raw: unknown): Prepared {
  const parsed = PushEventSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      eventUuid: rawUuid(raw),
      code: 'INVALID_EVENT',
      message: describeZodError(parsed.error),
    };
  }
  const e = parsed.data;
  const base = { eventUuid: e.eventUuid, entity: e.entity, entityId: e.entityId, op: e.op };
  if (e.op === 'delete')
    return { ok: true, event: { ...base, fields: {}, clientUpdatedAt: e.clientUpdatedAt } };

  const payload = EntityPatchSchemas[e.entity].safeParse(e.payload ?? {});
  if (!payload.success) {
    return {
      ok: false,
      eventUuid: e.eventUuid,
      code: 'INVALID_PAYLOAD',
      message: describeZodError(payload.error, 'payload'),
    };
  }
  const values = payload.data as Record<string, unknown>;
  const known = entityFieldNames(e.entity);
  const touched = e.updatedFields ? known.filter((f) => e.updatedFields?.includes(f)) : Object.keys(values);
  const required = requiredFieldNames(e.entity);
  const fields: Record<string, unknown> = {};
  for (const f of touched) {
    const v = values[f] ?? null;
    if (v === null && required.includes(f)) {
      return {
        ok: false,
        eventUuid: e.eventUuid,
        code: 'INVALID_PAYLOAD',
        message: `payload.${f}: is required`,
      };
    }
    fields[f] = v;
  }
  return { ok: true, event: { ...base, fields, clientUpdatedAt: e.clientUpdatedAt } };
}
