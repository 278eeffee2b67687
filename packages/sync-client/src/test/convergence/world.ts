import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactStore } from '@storesync/api';
import { customerBalance, type Entity, type EntityRow } from '@storesync/schema';
import { vi } from 'vitest';
import { createSyncClient, type SyncClient } from '../../client.ts';
import { createMemoryStore } from '../../storage/memory.ts';
import { openSqliteStore } from '../../storage/sqlite.ts';
import type { OutboxItem, Store } from '../../storage/types.ts';
import type { FetchLike } from '../../transport.ts';
import { createFaultyFetch, type FaultyFetch } from '../faults.ts';
import type { TestServer } from '../server.ts';
import { type LoggedEntry, loggedEntries, outboxOf, pendingNotShown } from './oracle.ts';
import type { Plan, Step, Write } from './plan.ts';
import { createIds, createValues, EDITABLE, fieldValue, GHOST_ID, saleFigures } from './values.ts';

/** The repositories with loose types: the world writes any entity. */
interface LooseRepository {
  create(input: Record<string, unknown>): Promise<EntityRow>;
  update(id: string, patch: Record<string, unknown>): Promise<EntityRow>;
  delete(id: string): Promise<void>;
  list(options?: { includeDeleted?: boolean }): Promise<EntityRow[]>;
}

export interface Device {
  client: SyncClient;
  store: Store;
  faults: FaultyFetch;
}

/** Small batches and pages on some devices, so faults strike between them too. */
const SIZES = [
  { pushBatchSize: 2, pullLimit: 3 },
  { pushBatchSize: 5, pullLimit: 7 },
];

/** The host says "offline", so the runner never syncs on its own: the plan decides when. */
const manual = { isOnline: () => false, subscribe: () => () => undefined };

/** Devices of one store, driven step by step through a plan on virtual time. */
export async function createWorld(server: TestServer, plan: Plan, email: string) {
  const dir = mkdtempSync(join(tmpdir(), 'sync-convergence-'));
  /** Device 0's book, in memory (the others' are SQLite files): a new phone gets a new one. */
  let memory = createMemoryStore();
  const ids = plan.skews.map((_, i) => createIds(plan.seed, i));
  const sessions: { token: string; userId: string }[] = [];
  /** Rows whose create the server must reject: a ghost reference, or a reference to such a row. */
  const doomed = new Set<string>();
  let writes = 0;
  const compactions = { runs: 0, removed: 0 };
  /** New phones that joined by snapshot, the snapshot pages they took, and pulls told to resync. */
  const seen = { joins: 0, snapshotPages: 0, resyncs: 0 };
  /** The outboxes of phones replaced by new ones: the final checks count their items too. */
  const retired: OutboxItem[] = [];
  /** Each index's installs so far: a new phone gets a book and a device id of its own. */
  const installs: number[] = plan.skews.map(() => 0);

  /** The faulty fetch, counting the snapshot pages and the pulls answered RESYNC_REQUIRED. */
  const watched =
    (faults: FaultyFetch): FetchLike =>
    async (input, init) => {
      const res = await faults.fetch(input, init);
      const path = new URL(String(input)).pathname;
      if (path.endsWith('/sync.snapshot') && res.ok) seen.snapshotPages += 1;
      if (path.endsWith('/sync.pull') && res.status === 409) seen.resyncs += 1;
      return res;
    };

  const open = async (i: number, first: boolean): Promise<Device> => {
    const install = installs[i] ?? 0;
    const name = install === 0 ? `d${i}` : `d${i}-${install}`;
    const store = i === 0 ? memory : await openSqliteStore(join(dir, `${name}.db`));
    const faults = createFaultyFetch();
    const client = await createSyncClient({
      store,
      url: server.url,
      getToken: () => sessions[i]?.token ?? null,
      fetch: watched(faults),
      connectivity: manual,
      intervalMs: 3_600_000,
      writeDelayMs: 3_600_000,
      now: () => Date.now() + (plan.skews[i] ?? 0),
      newId: ids[i] ?? createIds(plan.seed, i),
      // The oracle reads every settled item, however long the run.
      keepSentCount: Number.MAX_SAFE_INTEGER,
      ...SIZES[i],
      // On a restart the device id must come back from the local database.
      ...(first && { deviceId: name }),
    });
    if (first) sessions[i] = await server.signIn(email, client.deviceId);
    await client.signIn(sessions[i]?.userId ?? '');
    return { client, store, faults };
  };
  const devices: Device[] = [];
  for (let i = 0; i < plan.skews.length; i++) devices.push(await open(i, true));
  const at = (i: number) => devices[i % devices.length] as Device;
  const repo = (d: Device, entity: Entity) => d.client[entity] as unknown as LooseRepository;
  const choose = <T>(xs: T[], k: number): T | null => xs[k % Math.max(xs.length, 1)] ?? null;

  async function create(d: Device, step: Extract<Write, { kind: 'create' }>) {
    const customers = await repo(d, 'customers').list({ includeDeleted: true });
    const debts = await repo(d, 'debts').list({ includeDeleted: true });
    let entity = step.entity;
    // A debt or payment needs a customer: with none known, make one instead.
    if (entity !== 'customers' && entity !== 'sales' && customers.length === 0 && !step.bogus)
      entity = 'customers';
    const customerId = step.bogus ? GHOST_ID : (choose(customers, step.pick)?.id ?? null);
    const debtId = step.n % 2 && entity === 'payments' ? (choose(debts, step.pick2)?.id ?? null) : null;
    const refs = { customerId: entity === 'sales' && step.n % 3 === 0 ? null : customerId, debtId };
    const row = await repo(d, entity).create(createValues(entity, step.n, step.s, refs));
    if (
      entity !== 'customers' &&
      [refs.customerId, refs.debtId].some((r) => r === GHOST_ID || doomed.has(r ?? ''))
    )
      doomed.add(row.id);
    writes += 1;
  }

  /** The fields an edit sets: one or two of the entity's editable fields (a sale's items with their figures). */
  const edited = (step: Extract<Write, { kind: 'edit' }>, target?: EntityRow) => {
    const fields = EDITABLE[step.entity];
    const names = [step.field, ...(step.two ? [step.field + 1] : [])].map(
      (k) => fields[k % fields.length] ?? '',
    );
    const out = Object.fromEntries(names.map((f) => [f, fieldValue(f, step.n, step.s)]));
    if (step.entity === 'sales' && 'items' in out) {
      const customerId = typeof target?.customerId === 'string' ? target.customerId : null;
      Object.assign(out, saleFigures(step.n, step.s, customerId));
    }
    return out;
  };

  /**
   * Settles a customer's balance as this device sees it (a write-off of what is owed, a debt
   * cancelling a credit), then deletes the customer: applied, or CUSTOMER_HAS_BALANCE when
   * another device's entry reached the server first; an entry arriving after it revives the customer.
   */
  async function settleAndDelete(d: Device, step: Extract<Write, { kind: 'settle-delete' }>) {
    const customer = choose(await repo(d, 'customers').list(), step.pick);
    if (!customer) return;
    const live = (e: Entity) => repo(d, e).list() as Promise<never[]>;
    const ledger = {
      debts: await live('debts'),
      payments: await live('payments'),
      sales: await live('sales'),
    };
    const b = customerBalance(customer.id, ledger);
    const now = new Date().toISOString();
    const base = { customerId: customer.id, note: null };
    if (b.owed > 0)
      await repo(d, 'payments').create({
        ...base,
        debtId: null,
        amount: b.owed,
        paidAt: now,
        kind: 'writeOff',
      });
    if (b.credit > 0) await repo(d, 'debts').create({ ...base, amount: b.credit, dueDate: null });
    await repo(d, 'customers').delete(customer.id);
    writes += b.owed > 0 || b.credit > 0 ? 2 : 1;
  }

  /** The store's settings are one row every device sets (and none deletes). */
  async function setSettings(d: Device, step: Write) {
    if (step.kind === 'delete' || step.kind === 'settle-delete') return;
    const refs = { customerId: null, debtId: null };
    await d.client.settings.set(
      step.kind === 'create' ? createValues('settings', step.n, step.s, refs) : edited(step),
    );
    writes += 1;
  }

  async function write(d: Device, step: Write) {
    if (step.kind === 'settle-delete') return settleAndDelete(d, step);
    if (step.entity === 'settings') return setSettings(d, step);
    if (step.kind === 'create') return create(d, step);
    const target = choose(await repo(d, step.entity).list(), step.pick);
    if (!target) return;
    if (step.kind === 'delete') await repo(d, step.entity).delete(target.id);
    else await repo(d, step.entity).update(target.id, edited(step, target));
    writes += 1;
  }

  /** Every log entry the store ever had, by uuid: compaction removes some, the final checks want all. */
  const archive = new Map<string, LoggedEntry>();
  const archiveLog = async () => {
    for (const e of await loggedEntries(server, sessions[0]?.userId ?? '')) archive.set(e.u, e);
  };

  /** Ages the store's whole log past the horizon, then compacts it in small batches. */
  async function compact() {
    const userId = sessions[0]?.userId ?? '';
    await archiveLog();
    await server.admin.db.sql.query(
      // The database's clock, not the plan's virtual one (years ahead): all of it is past the horizon.
      `UPDATE sync_events SET server_received_at = now() - interval '100 days' WHERE user_id = $1::uuid`,
      [userId],
    );
    compactions.removed += await compactStore(server.admin.db.sql, userId, { horizonDays: 90, batch: 25 });
    compactions.runs += 1;
  }

  /** The owner syncs the phone, then signs in on a new one: its first sync is by snapshot. */
  async function newPhone(index: number) {
    const i = index % devices.length;
    const d = devices[i] as Device;
    await d.client.syncNow().catch(() => undefined);
    // A phone with changes still unsent is kept (an owner would not throw them away).
    if (d.client.status.get().pending > 0) return;
    retired.push(...(await outboxOf(d.store)));
    await d.client.close();
    installs[i] = (installs[i] ?? 0) + 1;
    if (i === 0) memory = createMemoryStore();
    devices[i] = await open(i, true);
    seen.joins += 1;
  }

  async function run(step: Step) {
    vi.setSystemTime(Date.now() + step.dt);
    if (step.kind === 'restart-server') return server.restart();
    if (step.kind === 'compact') return compact();
    if (step.kind === 'new-phone') return newPhone(step.device);
    const d = at(step.device);
    if (step.kind === 'restart-device') {
      await d.client.close();
      devices[step.device % devices.length] = await open(step.device % devices.length, false);
      return;
    }
    if (step.kind !== 'sync') return write(d, step);
    const during = async () => {
      for (const w of step.during) await write(d, w);
    };
    d.faults.inject(step.nth, { fault: step.fault, ...(step.during.length > 0 && { during }) });
    await d.client.syncNow().catch(() => undefined);
    d.faults.clear();
    const flicker = await pendingNotShown(d.store);
    if (flicker.length > 0) throw new Error(`pending changes not shown: ${flicker.join('; ')}`);
  }

  /** Syncs every device, round after round, until a whole round pushes nothing and fails nowhere. */
  async function quiesce(maxRounds = 6) {
    for (let round = 0; round < maxRounds; round++) {
      let quiet = true;
      for (const d of devices) {
        if (d.client.status.get().pending > 0) quiet = false;
        const ok = await d.client.syncNow().then(
          () => true,
          () => false,
        );
        if (!ok) quiet = false;
      }
      if (quiet) return round + 1;
    }
    throw new Error(`no quiescence after ${maxRounds} rounds`);
  }

  return {
    devices,
    doomed,
    writes: () => writes,
    userId: () => sessions[0]?.userId ?? '',
    compactions,
    seen,
    /** Every outbox item of every phone, replaced ones included. */
    async outboxes(): Promise<OutboxItem[]> {
      return [...retired, ...(await Promise.all(devices.map((d) => outboxOf(d.store)))).flat()];
    },
    /** The store's log as it is, with every entry compaction removed before. */
    async everyLogged(): Promise<LoggedEntry[]> {
      await archiveLog();
      return [...archive.values()];
    },
    run,
    quiesce,
    async close() {
      for (const d of devices) await d.client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
