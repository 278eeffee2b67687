import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENTITIES, EntityFieldSchemas, entityFieldNames } from './entities.ts';
import { FIELD_KINDS, type FieldKind, fieldsOfKind, referencesOf } from './field-kinds.ts';

const UUID = '7d1c9a2e-3f4b-4c5d-8e6f-0a1b2c3d4e5f';

/** A value each kind's schema must take, and one it must refuse. */
const SAMPLES: Record<string, { good: unknown; bad: unknown }> = {
  text: { good: 'x', bad: 5 },
  money: { good: 250, bad: 2.5 },
  count: { good: 30, bad: 1.5 },
  timestamp: { good: '2026-03-01T10:00:00+03:00', bad: '2026-03-01' },
  date: { good: '2026-03-01', bad: '2026-03-01T10:00:00Z' },
  json: { good: [{ name: 'rice', quantity: 1, unitPrice: 250 }], bad: 'rice' },
  ref: { good: UUID, bad: 'not-a-uuid' },
};
const sampleOf = (kind: FieldKind) => SAMPLES[kind.startsWith('ref:') ? 'ref' : kind];

describe('FIELD_KINDS', () => {
  it('names exactly the fields of every entity schema, in their order', () => {
    for (const e of ENTITIES) expect(Object.keys(FIELD_KINDS[e])).toEqual(entityFieldNames(e));
  });

  it.each(
    ENTITIES.flatMap((e) => Object.entries(FIELD_KINDS[e]).map(([f, k]) => [e, f, k as FieldKind] as const)),
  )('%s.%s is a %s field: its schema takes that kind of value and refuses another', (e, f, kind) => {
    const schema = (EntityFieldSchemas[e].shape as Record<string, z.ZodType>)[f];
    const sample = sampleOf(kind);
    // Currency codes and payment kinds are text from a closed list.
    const closed: Record<string, unknown> = {
      'settings.currency': 'KES',
      'payments.kind': 'writeOff',
      'settings.country': 'KE',
      'settings.language': 'sw',
      'customers.language': 'ur',
      'reminders.channel': 'whatsapp',
      'links.token': 'AAAAAAAAAAAAAAAAAAAAAA',
      'settings.reminderTemplates': { sw: 'Habari {name}' },
    };
    const good = closed[`${e}.${f}`] ?? sample?.good;
    expect(schema?.safeParse(good).success).toBe(true);
    expect(schema?.safeParse(sample?.bad).success).toBe(false);
  });

  it('derives timestamps and references', () => {
    expect(fieldsOfKind('sales', 'timestamp')).toEqual(['soldAt']);
    expect(fieldsOfKind('payments', 'timestamp')).toEqual(['paidAt']);
    expect(referencesOf('payments')).toEqual({ customerId: 'customers', debtId: 'debts' });
    expect(referencesOf('settings')).toEqual({});
    expect(referencesOf('reminders')).toEqual({ customerId: 'customers', linkId: 'links' });
    expect(fieldsOfKind('debts', 'timestamp')).toEqual(['recordedAt']);
  });
});
