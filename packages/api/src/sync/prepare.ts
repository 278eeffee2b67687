import {
  ENTITIES,
  type Entity,
  EntityPatchSchemas,
  entityFieldNames,
  isStorableText,
  MAX_TIMESTAMP,
  MIN_TIMESTAMP,
  OPS,
  type Op,
  type PushEvent,
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

// Zod's uuid pattern, lower case only: such an id is what UuidSchema (lower-casing) returns.
const CANONICAL_UUID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const CANONICAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const MIN_MS = Date.parse(MIN_TIMESTAMP);
const MAX_MS = Date.parse(MAX_TIMESTAMP);

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * The event's envelope exactly as `PushEventSchema` parses it, when the event
 * is already in canonical form (lower-case ids, UTC timestamps with
 * milliseconds, as every client sends them); otherwise undefined, and zod
 * decides (and words any error). A fast path only: every value it accepts,
 * zod accepts unchanged (prepare.test.ts checks that property).
 */
export function canonicalEnvelope(raw: unknown): PushEvent | undefined {
  if (!isPlainObject(raw)) return undefined;
  const { eventUuid, entity, entityId, op, payload, updatedFields, clientUpdatedAt } = raw;
  if (typeof eventUuid !== 'string' || !CANONICAL_UUID.test(eventUuid)) return undefined;
  if (typeof entityId !== 'string' || !CANONICAL_UUID.test(entityId)) return undefined;
  if (!ENTITIES.includes(entity as Entity) || !OPS.includes(op as Op)) return undefined;
  // An own `__proto__` key (JSON.parse makes one) is a case for zod's own copying rules.
  if (payload !== undefined && (!isPlainObject(payload) || Object.hasOwn(payload, '__proto__')))
    return undefined;
  if (typeof clientUpdatedAt !== 'string' || !CANONICAL_TIME.test(clientUpdatedAt)) return undefined;
  const ms = Date.parse(clientUpdatedAt);
  if (!(ms >= MIN_MS && ms <= MAX_MS) || new Date(ms).toISOString() !== clientUpdatedAt) return undefined;
  const out: PushEvent = { eventUuid, entity: entity as Entity, entityId, op: op as Op, clientUpdatedAt };
  if ('payload' in raw) out.payload = payload === undefined ? undefined : { ...payload };
  if ('updatedFields' in raw) {
    if (updatedFields !== undefined) {
      if (!Array.isArray(updatedFields) || updatedFields.length > 100) return undefined;
      for (const f of updatedFields)
        if (typeof f !== 'string' || f.length > 100 || !isStorableText(f)) return undefined;
      out.updatedFields = [...updatedFields];
    } else out.updatedFields = undefined;
  }
  return out;
}

/**
 * Validates one event of a batch on its own. Unknown payload keys are dropped;
 * `updatedFields` narrows the touched fields (a touched field absent from the
 * payload is cleared, which only optional fields allow).
 */
export function prepareEvent(raw: unknown): Prepared {
  let e = canonicalEnvelope(raw);
  if (!e) {
    const parsed = PushEventSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        eventUuid: rawUuid(raw),
        code: 'INVALID_EVENT',
        message: describeZodError(parsed.error),
      };
    }
    e = parsed.data;
  }
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
