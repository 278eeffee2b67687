import { type BookDigest, ENTITIES, type Entity, type EntityRow, entityDigest } from '@storesync/schema';
import { isNotFound } from './errors.ts';
import type { Hlc } from './hlc.ts';
import { acceptServerRows, assertBoundTo } from './reconcile.ts';
import { toLocalRow } from './rows.ts';
import type { Store } from './storage/types.ts';
import type { SyncApi } from './transport.ts';

export interface VerifyDeps {
  store: Store;
  api: SyncApi;
  hlc: Hlc;
  userId: string;
  /** Rows per snapshot page when an entity is mended. */
  limit: number;
}

/**
 * - `matched`: every entity's digest is the server's at `cursor`;
 * - `repaired`: these entities differed and were fetched again whole;
 * - `unsettled`: not comparable now (changes unsent, or the server moved on since the last pull);
 * - `unsupported`: the server has no digest (one deployed before it).
 */
export type Verification =
  | { state: 'matched'; cursor: number }
  | { state: 'repaired'; entities: Entity[]; cursor: number }
  | { state: 'unsettled' }
  | { state: 'unsupported' };

/**
 * This book's digest of the entities the server digests, or null when it cannot be compared with
 * one taken at `cursor`. Entity by entity, each read in a transaction of its own and taken at
 * `cursor` with nothing unsent: a sale recorded meanwhile waits for one entity's read, not the
 * whole book's (a second or more on a phone's big book).
 */
async function localDigest(deps: VerifyDeps, cursor: number): Promise<Partial<BookDigest> | null> {
  const out: Partial<BookDigest> = {};
  for (const entity of ENTITIES) {
    const rows = await deps.store.transaction(async (tx) => {
      const state = await assertBoundTo(tx, deps.userId);
      if (state.lastServerEventId !== cursor || (await tx.countOutbox('pending')) > 0) return null;
      return tx.liveVersions
        ? tx.liveVersions(entity)
        : (await tx.listRows(entity)).filter((r) => r.deletedAt === null);
    });
    if (!rows) return null;
    out[entity] = entityDigest(rows);
  }
  return out;
}

/** Every row of one entity the server holds (its snapshot of that entity alone). */
async function serverRowsOf(deps: VerifyDeps, entity: Entity): Promise<EntityRow[]> {
  const rows: EntityRow[] = [];
  let after: string | undefined;
  do {
    const page = await deps.api.snapshot?.({ entity, limit: deps.limit, ...(after && { after }) });
    if (!page) break;
    rows.push(...page.rows.map((r) => r.row));
    after = page.next ?? undefined;
  } while (after);
  return rows;
}

/**
 * Makes one entity of the book the server's: its rows written as the server holds them
 * (whatever version the local copy claims), rows the server does not hold removed. A row with
 * a change not yet sent keeps it, replayed on the server's row as after any pull. Only while
 * the book is still at the digest's `cursor` (the rows are at least that new); else false.
 */
async function mend(deps: VerifyDeps, entity: Entity, rows: EntityRow[], cursor: number): Promise<boolean> {
  return deps.store.transaction(async (tx) => {
    // A pull since the digest may hold rows newer than these: writing over them would lose them.
    if ((await assertBoundTo(tx, deps.userId)).lastServerEventId !== cursor) return false;
    const local = await tx.listRows(entity);
    const held = new Set(rows.map((r) => r.id));
    const kept = await tx.getServerRows(entity, [...new Set([...held, ...local.map((r) => r.id)])]);
    const extra = local.filter((r) => !held.has(r.id) && !kept.has(r.id)).map((r) => r.id);
    if (extra.length > 0) await tx.deleteRows(entity, extra);
    await tx.putRows(
      entity,
      rows.filter((r) => !kept.has(r.id)).map((r) => toLocalRow(entity, r)),
    );
    const pending = rows.filter((r) => kept.has(r.id));
    if (pending.length > 0) await acceptServerRows(tx, deps.hlc, entity, pending);
    return true;
  });
}

/**
 * Compares the book with the server's digest (docs/protocol.md, "Digest") and mends each
 * entity that differs by taking it again whole. Meant right after a pull that reached the
 * log's end: the server's digest is for its newest event, so a book that has pulled to it and
 * has nothing unsent must match it.
 */
export async function verifyBook(deps: VerifyDeps): Promise<Verification> {
  if (!deps.api.digest || !deps.api.snapshot) return { state: 'unsupported' };
  let server: Awaited<ReturnType<NonNullable<SyncApi['digest']>>>;
  try {
    server = await deps.api.digest();
  } catch (error) {
    if (isNotFound(error)) return { state: 'unsupported' };
    throw error;
  }
  const local = await localDigest(deps, server.cursor);
  if (!local) return { state: 'unsettled' };
  // An entity the server does not digest (an older server) is not compared.
  const wrong = ENTITIES.filter((e) => {
    const theirs = server.entities[e];
    const ours = local[e];
    return theirs !== undefined && (ours?.count !== theirs.count || ours.hash !== theirs.hash);
  });
  for (const entity of wrong)
    if (!(await mend(deps, entity, await serverRowsOf(deps, entity), server.cursor)))
      return { state: 'unsettled' };
  const { cursor } = server;
  return wrong.length > 0 ? { state: 'repaired', entities: wrong, cursor } : { state: 'matched', cursor };
}
