import type { Db } from '@storesync/db';
import { ENTITIES, type Entity, type PushOutput, type PushResult, uuidV7 } from '@storesync/schema';
import { notifyPush } from '../live/notify.ts';
import { countPushResults } from '../metrics.ts';
import { applyEvent, REFERENCES } from './apply-event.ts';
import { canonicalRow } from './canonical.ts';
import { isLedgerEntity, type LedgerReads } from './ledger-reads.ts';
import { reviveEvent } from './ledger-rules.ts';
import { lockStore } from './lock.ts';
import { holds, type Precondition, preconditionMessage } from './preconditions.ts';
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

export interface PushOptions {
  /** Per event, by position in the batch: the rows it needs live (see Precondition); else NOT_FOUND. */
  preconditions?: (Precondition[] | undefined)[];
}

/** Ids to read for each entity: the events' rows, the rows they refer to, and those their preconditions name. */
function idsToLoad(events: PreparedEvent[], preconditions: Precondition[]): Record<Entity, string[]> {
  const ids = Object.fromEntries(ENTITIES.map((e) => [e, new Set<string>()])) as Record<Entity, Set<string>>;
  for (const c of preconditions) ids[c.entity].add(c.id);
  for (const e of events) {
    ids[e.entity].add(e.entityId);
    for (const [field, target] of Object.entries(REFERENCES[e.entity] ?? {})) {
      const ref = e.fields[field];
      if (typeof ref === 'string') ids[target].add(ref);
    }
  }
  return Object.fromEntries(ENTITIES.map((e) => [e, [...ids[e]]])) as Record<Entity, string[]>;
}

/** What the ledger rules need read beyond the named rows (ledger-reads.ts). */
function ledgerReadsOf(events: PreparedEvent[]): LedgerReads {
  const reads: LedgerReads = { customerOf: { debts: [], payments: [], sales: [] }, entriesOf: [] };
  for (const e of events) {
    if (e.entity === 'customers' && e.op === 'delete') reads.entriesOf.push(e.entityId);
    else if (isLedgerEntity(e.entity) && typeof e.fields.customerId !== 'string')
      reads.customerOf[e.entity].push(e.entityId);
  }
  return reads;
}

/**
 * Applies a batch of outbox events for one store, in order, in one transaction,
 * under the store's write lock: one query reads what the batch touches, the
 * pure field-level LWW merge runs in memory, and one statement writes the rows
 * and appends their change-log events. A fault anywhere rolls it all back.
 */
export async function applyPush(
  db: Db,
  ctx: PushContext,
  rawEvents: unknown[],
  options: PushOptions = {},
): Promise<PushOutput> {
  const prepared = rawEvents.map(prepareEvent);
  const valid = prepared.flatMap((p) => (p.ok ? [p.event] : []));
  const preconditions = options.preconditions ?? [];

  const { output, lastEventId } = await db.sql.transaction(async (tx) => {
    await lockStore(tx, ctx.userId);
    const now = (ctx.now ?? (() => new Date()))();
    const serverTime = now.toISOString();
    const uuids = valid.map((e) => e.eventUuid);
    const { applied, rows } = await readBatchState(
      tx,
      ctx.userId,
      uuids,
      idsToLoad(
        valid,
        preconditions.flat().filter((c) => c !== undefined),
      ),
      ledgerReadsOf(valid),
    );

    // The rows the store holds; any other the batch changes is new to it (and stays so, under the lock).
    const held = new Set<string>();
    for (const entity of ENTITIES) for (const id of rows[entity].keys()) held.add(`${entity}:${id}`);

    const results: PushResult[] = [];
    const newEvents: NewEvent[] = [];
    const changed = new Map<string, { entity: Entity; row: StoredRow }>();
    // Results that take the event id of an event applied earlier in this batch.
    const awaitingId = new Map<string, PushResult[]>();

    for (const [i, p] of prepared.entries()) {
      if (!p.ok) {
        results.push({
          eventUuid: p.eventUuid,
          status: 'rejected',
          error: { code: p.code, message: p.message },
        });
        continue;
      }
      const e = p.event;
      if (applied.has(e.eventUuid) || awaitingId.has(e.eventUuid)) {
        const result: PushResult = { eventUuid: e.eventUuid, status: 'duplicate' };
        const eventId = applied.get(e.eventUuid);
        if (eventId !== undefined) result.eventId = eventId;
        else awaitingId.get(e.eventUuid)?.push(result);
        const current = rows[e.entity].get(e.entityId);
        if (current) result.row = canonicalRow(e.entity, current);
        results.push(result);
        continue;
      }
      // On the rows as this batch has left them so far, under the lock: nothing can slip in between.
      const unmet = preconditions[i]?.find((c) => !holds(rows, c));
      if (unmet) {
        results.push({
          eventUuid: e.eventUuid,
          status: 'rejected',
          error: { code: 'NOT_FOUND', message: preconditionMessage(unmet) },
        });
        continue;
      }
      const outcome = applyEvent(rows, e, { deviceId: ctx.deviceId, now, serverTime });
      if (outcome.status !== 'applied') {
        // A repeat of this uuid in the batch is a duplicate, without an event id.
        awaitingId.set(e.eventUuid, []);
        results.push(outcome.result);
        continue;
      }
      const result: PushResult = { eventUuid: e.eventUuid, status: 'applied', row: outcome.event.payload };
      results.push(result);
      awaitingId.set(e.eventUuid, [result]);
      newEvents.push(outcome.event);
      changed.set(`${e.entity}:${e.entityId}`, { entity: e.entity, row: outcome.row });
      // An entry of a deleted customer brings the customer back, logged as the pushing device's.
      const revive = reviveEvent(rows, e.entity, outcome.row, uuidV7());
      const revived =
        revive && applyEvent(rows, revive, { deviceId: ctx.deviceId, now, serverTime }, { exactClock: true });
      if (revived?.status === 'applied') {
        newEvents.push(revived.event);
        changed.set(`customers:${revived.row.id}`, { entity: 'customers', row: revived.row });
      }
    }

    const byEntity = () =>
      Object.fromEntries(ENTITIES.map((e) => [e, [] as StoredRow[]])) as Record<Entity, StoredRow[]>;
    const inserts = byEntity();
    const updates = byEntity();
    for (const [key, { entity, row }] of changed) (held.has(key) ? updates : inserts)[entity].push(row);
    const eventIds = await writeBatch(tx, {
      userId: ctx.userId,
      deviceId: ctx.deviceId,
      serverTime,
      inserts,
      updates,
      events: newEvents,
    });
    newEvents.forEach((e, i) => {
      for (const r of awaitingId.get(e.eventUuid) ?? []) r.eventId = eventIds[i];
    });
    return {
      output: { results, serverTime } satisfies PushOutput,
      lastEventId: eventIds.length > 0 ? Math.max(...eventIds) : undefined,
    };
  });
  countPushResults(output.results);
  // Committed: the store's other devices may pull now.
  if (lastEventId !== undefined)
    notifyPush(db.sql, { userId: ctx.userId, deviceId: ctx.deviceId, eventId: lastEventId });
  return output;
}
