import type { Db } from '@storesync/db';
import {
  type Clock,
  clampClientTime,
  ENTITIES,
  type Entity,
  emptyRowState,
  mergeChange,
  type PushOutput,
  type PushResult,
  requiredFieldNames,
} from '@storesync/schema';
import { canonicalRow } from './canonical.ts';
import { lockStore } from './lock.ts';
import { type PreparedEvent, prepareEvent } from './prepare.ts';
import { readBatchState } from './read.ts';
import type { StoredRow } from './tables.ts';
import { type NewEvent, writeBatch } from './write.ts';

export interface PushContext {
  userId: string;
  deviceId: string;
  /** The server's clock; injectable for tests of the future-clock clamp. */
  now?: () => Date;
}

/** References that must name a row of the same store when a field sets them. */
const REFERENCES: Partial<Record<Entity, Record<string, Entity>>> = {
  debts: { customerId: 'customers' },
  payments: { customerId: 'customers', debtId: 'debts' },
  sales: { customerId: 'customers' },
};

type Working = Record<Entity, Map<string, StoredRow>>;

/** Ids each entity's query must load: the events' rows and the rows they reference. */
function idsToLoad(events: PreparedEvent[]): Record<Entity, string[]> {
  const ids = Object.fromEntries(ENTITIES.map((e) => [e, new Set<string>()])) as Record<Entity, Set<string>>;
  for (const e of events) {
    ids[e.entity].add(e.entityId);
    for (const [field, target] of Object.entries(REFERENCES[e.entity] ?? {})) {
      const ref = e.fields[field];
      if (typeof ref === 'string') ids[target].add(ref);
    }
  }
  return Object.fromEntries(ENTITIES.map((e) => [e, [...ids[e]]])) as Record<Entity, string[]>;
}

const missingReference = (working: Working, e: PreparedEvent): string | null => {
  for (const [field, target] of Object.entries(REFERENCES[e.entity] ?? {})) {
    const ref = e.fields[field];
    if (typeof ref === 'string' && !working[target].has(ref))
      return `payload.${field}: no such ${target} row`;
  }
  return null;
};

/**
 * Applies a batch of outbox events for one store, in order, in one transaction,
 * under the store's write lock. Rows are read in one query per entity, merged in
 * memory with the pure field-level LWW rules, and written back set-wise with
 * their change-log events.
 */
export async function applyPush(db: Db, ctx: PushContext, rawEvents: unknown[]): Promise<PushOutput> {
  const prepared = rawEvents.map(prepareEvent);
  const valid = prepared.flatMap((p) => (p.ok ? [p.event] : []));

  return db.$transaction(
    async (tx) => {
      await lockStore(tx, ctx.userId);
      const now = (ctx.now ?? (() => new Date()))();
      const serverTime = now.toISOString();
      const { applied, rows: working } = await readBatchState(
        tx,
        ctx.userId,
        valid.map((e) => e.eventUuid),
        idsToLoad(valid),
      );
      const changed = Object.fromEntries(ENTITIES.map((e) => [e, new Set<string>()])) as Record<
        Entity,
        Set<string>
      >;

      const results: PushResult[] = [];
      const newEvents: NewEvent[] = [];
      const pendingIds = new Map<string, PushResult[]>();
      const seen = new Set<string>();

      for (const p of prepared) {
        if (!p.ok) {
          results.push({
            eventUuid: p.eventUuid,
            status: 'rejected',
            error: { code: p.code, message: p.message },
          });
          continue;
        }
        const e = p.event;
        const current = working[e.entity].get(e.entityId);
        if (applied.has(e.eventUuid) || seen.has(e.eventUuid)) {
          const result: PushResult = { eventUuid: e.eventUuid, status: 'duplicate' };
          const eventId = applied.get(e.eventUuid);
          if (eventId !== undefined) result.eventId = eventId;
          else pendingIds.get(e.eventUuid)?.push(result);
          if (current) result.row = canonicalRow(e.entity, current);
          results.push(result);
          continue;
        }
        seen.add(e.eventUuid);
        const reject = (code: 'NOT_FOUND' | 'MISSING_FIELDS', message: string) =>
          results.push({ eventUuid: e.eventUuid, status: 'rejected', error: { code, message } });

        if (!current && e.op === 'delete') {
          reject('NOT_FOUND', `no ${e.entity} row ${e.entityId} to delete`);
          continue;
        }
        if (!current) {
          const missing = requiredFieldNames(e.entity).filter((f) => !(f in e.fields));
          if (missing.length > 0) {
            reject(
              'MISSING_FIELDS',
              `creating a ${e.entity} row needs ${missing.map((f) => `payload.${f}`).join(', ')}`,
            );
            continue;
          }
        }
        const missingRef = missingReference(working, e);
        if (missingRef) {
          reject('NOT_FOUND', missingRef);
          continue;
        }

        const clock: Clock = [clampClientTime(e.clientUpdatedAt, now), ctx.deviceId, e.eventUuid];
        const change =
          e.op === 'delete' ? { op: 'delete' as const } : { op: 'upsert' as const, fields: e.fields };
        const merged = mergeChange(current?.state ?? emptyRowState(), change, clock);
        if (!merged.applied) {
          // Only an existing row can ignore a change: a new row always takes its fields.
          results.push({
            eventUuid: e.eventUuid,
            status: 'ignored',
            ...(current && { row: canonicalRow(e.entity, current) }),
          });
          continue;
        }
        const next: StoredRow = {
          id: e.entityId,
          state: merged.state,
          createdAt: current?.createdAt ?? serverTime,
          updatedAt: serverTime,
          updatedByDeviceId: ctx.deviceId,
          rowVersion: (current?.rowVersion ?? 0) + 1,
        };
        working[e.entity].set(e.entityId, next);
        changed[e.entity].add(e.entityId);
        const row = canonicalRow(e.entity, next);
        const result: PushResult = { eventUuid: e.eventUuid, status: 'applied', row };
        results.push(result);
        pendingIds.set(e.eventUuid, [result]);
        newEvents.push({
          entity: e.entity,
          entityId: e.entityId,
          op: e.op,
          payload: row,
          clientUpdatedAt: clock[0],
          eventUuid: e.eventUuid,
        });
      }

      const rows = Object.fromEntries(
        ENTITIES.map((e) => [e, [...changed[e]].flatMap((id) => working[e].get(id) ?? [])]),
      ) as Record<Entity, StoredRow[]>;
      const eventIds = await writeBatch(tx, {
        userId: ctx.userId,
        deviceId: ctx.deviceId,
        serverTime,
        rows,
        events: newEvents,
      });
      newEvents.forEach((e, i) => {
        for (const r of pendingIds.get(e.eventUuid) ?? []) r.eventId = eventIds[i];
      });
      return { results, serverTime };
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
