import type { Entity } from '@storesync/schema';
import fc from 'fast-check';
import type { Fault } from '../faults.ts';

export type Write =
  | {
      kind: 'create';
      device: number;
      entity: Entity;
      pick: number;
      pick2: number;
      bogus: boolean;
      n: number;
      s: string;
    }
  | {
      kind: 'edit';
      device: number;
      entity: Entity;
      pick: number;
      field: number;
      two: boolean;
      n: number;
      s: string;
    }
  | { kind: 'delete'; device: number; entity: Entity; pick: number }
  /** Write off what a customer owes (or holds) as this device sees it, then delete the customer. */
  | { kind: 'settle-delete'; device: number; pick: number };

/**
 * One step of a run. Values are small numbers and strings that the world turns
 * into field values, so plans stay compact and shrink well. `pick` chooses a
 * row among the device's local rows (modulo their count). A sync's `during`
 * writes happen on the syncing device while its `nth` request is in flight.
 */
export type Step = { dt: number } & (
  | Write
  | { kind: 'sync'; device: number; fault: Fault | null; nth: number; during: Write[] }
  | { kind: 'restart-server' }
  | { kind: 'restart-device'; device: number }
  /** The store's log ages past the horizon and is compacted: devices behind must resync. */
  | { kind: 'compact' }
  /** The device, synced, is replaced by a new phone with an empty book: it joins by snapshot. */
  | { kind: 'new-phone'; device: number }
);

export interface Plan {
  seed: number;
  /** Per device: how far its wall clock is off, in ms (a slow phone is negative). */
  skews: number[];
  steps: Step[];
}

const entity = fc.constantFrom<Entity>(
  'customers',
  'customers',
  'debts',
  'payments',
  'sales',
  'settings',
  'links',
  'reminders',
);
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '9', '🙂'), minLength: 1, maxLength: 8 });
const pick = fc.nat(1000);
const value = { n: fc.nat(100_000), s: text };

function writeArbitrary(device: fc.Arbitrary<number>): fc.Arbitrary<Write> {
  const bogus = fc.nat(24).map((x) => x === 0);
  return fc.oneof(
    {
      weight: 20,
      arbitrary: fc.record({
        kind: fc.constant('create' as const),
        device,
        entity,
        pick,
        pick2: pick,
        bogus,
        ...value,
      }),
    },
    {
      weight: 40,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        device,
        entity,
        pick,
        field: fc.nat(3),
        two: fc.boolean(),
        ...value,
      }),
    },
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, entity, pick }) },
    // Against entries other devices record offline for the same customer: the ledger rules' race.
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('settle-delete' as const), device, pick }) },
  );
}

export function planArbitrary(devices: number, steps: number): fc.Arbitrary<Plan> {
  const device = fc.nat(devices - 1);
  const write = writeArbitrary(device);
  const sync = fc.record({
    kind: fc.constant('sync' as const),
    device,
    fault: fc.oneof(
      { weight: 5, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.constantFrom<Fault>('drop', 'lose-response', 'twice') },
    ),
    nth: fc.nat(2),
    during: fc.oneof(
      { weight: 4, arbitrary: fc.constant<Write[]>([]) },
      { weight: 1, arbitrary: fc.array(write, { minLength: 1, maxLength: 3 }) },
    ),
  });
  const step: fc.Arbitrary<Step> = fc
    .tuple(
      fc.oneof(
        { weight: 68, arbitrary: write },
        { weight: 30, arbitrary: sync },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart-server' as const) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart-device' as const), device }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('new-phone' as const), device }) },
      ),
      // Mostly quick successions (concurrent edits, equal timestamps), sometimes minutes apart.
      fc.oneof({ weight: 4, arbitrary: fc.nat(2_000) }, { weight: 1, arbitrary: fc.nat(180_000) }),
    )
    .map(([s, dt]) => ({ ...s, dt }));
  return fc.record({
    seed: fc.nat(0xffff_ffff),
    // Often equal (ties broken by device id); never over 4 minutes fast, as the server clamps past 5.
    skews: fc.array(fc.constantFrom(0, 0, -30_000, -600_000, 240_000), {
      minLength: devices,
      maxLength: devices,
    }),
    steps: fc.array(step, { minLength: steps, maxLength: steps }),
  });
}
