import { describe, expect, it } from 'vitest';
import { type LoggedEvent, rowHistory } from './diff.ts';

const event = (eventId: number, row: Record<string, unknown>): LoggedEvent => ({
  eventId,
  deviceId: `d${eventId}`,
  row,
  editedAt: `2026-11-30T10:0${eventId}:00.000Z`,
  receivedAt: `2026-11-30T10:0${eventId}:01.000Z`,
});

describe('rowHistory', () => {
  it('names deletes and restores, and compares items by content', () => {
    const items = [{ name: 'Soap', quantity: 1, unitPrice: 150 }];
    const history = rowHistory(
      [
        event(1, { items, total: 150, note: null, deletedAt: null }),
        event(2, {
          items: [{ unitPrice: 150, quantity: 1, name: 'Soap' }],
          total: 150,
          note: 'x',
          deletedAt: null,
        }),
        event(3, { items, total: 150, note: 'x', deletedAt: '2026-11-30T10:03:00.000Z' }),
        event(4, { items, total: 150, note: 'y', deletedAt: null }),
      ],
      ['items', 'total', 'note'],
    );
    expect(history.map((h) => [h.kind, h.changes.map((c) => `${c.field}:${c.stands}`)])).toEqual([
      ['restored', ['note:true']],
      ['deleted', []],
      ['edited', ['note:false']],
      ['created', ['items:true', 'total:true']],
    ]);
  });
});
