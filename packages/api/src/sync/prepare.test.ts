import { ENTITIES, PushEventSchema } from '@storesync/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEnvelope, prepareEvent } from './prepare.ts';

const uuid = fc.oneof(
  { arbitrary: fc.uuid(), weight: 8 },
  fc.uuid().map((u) => u.toUpperCase()),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '123e4567-e89b-02d3-a456-426614174000', // version 0
    '123e4567-e89b-12d3-c456-426614174000', // variant c
    '123e4567e89b12d3a456426614174000',
    ' 123e4567-e89b-12d3-a456-426614174000',
  ),
  fc.string(),
  fc.integer(),
);
const instant = fc.date({ min: new Date(-5e13), max: new Date(3e14), noInvalidDate: true });
const timestamp = fc.oneof(
  { arbitrary: instant.map((d) => d.toISOString()), weight: 8 },
  instant.map((d) =>
    d
      .toISOString()
      .replace('.000Z', 'Z')
      .replace(/\.\d{3}Z$/, 'Z'),
  ),
  instant.map((d) => d.toISOString().replace('Z', '+00:00')),
  instant.map((d) => d.toISOString().replace('Z', '+03:00')),
  instant.map((d) => d.toISOString().toLowerCase()),
  fc.constantFrom(
    '2026-02-30T10:00:00.000Z',
    '2024-02-29T10:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00.000Z',
    '9999-12-30T23:59:59.999Z',
    '9999-12-31T00:00:00.000Z',
    '2026-01-01T00:00:60.000Z',
    '2026-01-01T00:00:00.0000Z',
    '2026-01-01 00:00:00.000Z',
  ),
  fc.string(),
  fc.integer(),
);
const text = fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('a\u0000b', 'x\ud800', '\udc00y', 'ok'));
const payload = fc.oneof(
  fc.dictionary(fc.string(), fc.jsonValue()),
  fc.record({ name: text, phone: fc.oneof(text, fc.constant(null)), note: fc.jsonValue() }),
  fc.constantFrom(null, [], ['a'], 'x', 3, undefined),
);
const updatedFields = fc.oneof(
  fc.array(text, { maxLength: 102 }),
  fc.array(fc.constantFrom('name', 'phone', 'note', 'amount'), { maxLength: 4 }),
  fc.constantFrom(null, 'name', [1], undefined),
);

/** Events of every shape: each key may be missing, valid, or wrong in many ways; extra keys too. */
const anyEvent = fc.record(
  {
    eventUuid: uuid,
    entity: fc.oneof(
      { arbitrary: fc.constantFrom(...ENTITIES), weight: 4 },
      fc.constantFrom('nope', 'Customers', '__proto__', 1),
    ),
    entityId: uuid,
    op: fc.constantFrom('upsert', 'delete', 'UPSERT', 'merge', 0),
    payload,
    updatedFields,
    clientUpdatedAt: timestamp,
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const canonicalEvent = fc.record(
  {
    eventUuid: fc.uuid(),
    entity: fc.constantFrom(...ENTITIES),
    entityId: fc.uuid(),
    op: fc.constantFrom('upsert', 'delete'),
    payload: fc.dictionary(
      fc.string().filter((k) => k !== '__proto__'),
      fc.jsonValue(),
    ),
    updatedFields: fc.array(fc.constantFrom('name', 'phone', 'note', 'amount'), { maxLength: 4 }),
    clientUpdatedAt: fc
      .date({
        min: new Date('1970-01-01T00:00:00.000Z'),
        max: new Date('9999-12-30T23:59:59.999Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
  },
  { requiredKeys: ['eventUuid', 'entity', 'entityId', 'op', 'clientUpdatedAt'] },
);

describe('the canonical-envelope fast path of prepareEvent', () => {
  it('accepts only what PushEventSchema accepts, and gives exactly what it gives', () => {
    let fast = 0;
    fc.assert(
      fc.property(anyEvent, (raw) => {
        const out = canonicalEnvelope(raw);
        if (out === undefined) return;
        fast += 1;
        const parsed = PushEventSchema.safeParse(raw);
        expect(parsed.success).toBe(true);
        expect(out).toStrictEqual(parsed.data);
      }),
      { numRuns: 20_000 },
    );
    // The property is not vacuous: mixed inputs do reach the fast path.
    expect(fast).toBeGreaterThan(100);
  });

  it('takes every event as clients send them (lower-case ids, UTC with milliseconds)', () => {
    fc.assert(
      fc.property(canonicalEvent, (raw) => {
        const out = canonicalEnvelope(raw);
        expect(out).toStrictEqual(PushEventSchema.parse(raw));
      }),
      { numRuns: 5_000 },
    );
  });

  it('leaves prepareEvent’s outcome unchanged for any event', () => {
    fc.assert(
      fc.property(fc.oneof(anyEvent, canonicalEvent), (raw) => {
        // The same event as only zod takes it: its clock with an offset, which zod turns back into Z.
        const parsed = PushEventSchema.safeParse(raw);
        const viaZod = parsed.success
          ? prepareEvent({
              ...parsed.data,
              clientUpdatedAt: parsed.data.clientUpdatedAt.replace('Z', '+00:00'),
            })
          : null;
        const prepared = prepareEvent(raw);
        if (viaZod === null) expect(prepared.ok).toBe(false);
        else if (viaZod.ok && prepared.ok) expect(prepared.event).toStrictEqual(viaZod.event);
        else expect(prepared).toStrictEqual(viaZod);
      }),
      { numRuns: 5_000 },
    );
  });
});
